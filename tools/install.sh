# Sourced by test.sh and dev.sh: makes sure tools/node_modules matches tools/package-lock.json.
# Installs with `npm ci` when node_modules is missing, or when the lock file is newer than the
# installed tree and the versions it pins differ from what is installed (a fresh checkout of an
# unchanged lock file is newer but needs nothing).

tools_install_needed() {
  local tools_dir=$1
  local installed="$tools_dir/node_modules/.package-lock.json"
  [[ -f "$installed" ]] || return 0
  [[ "$tools_dir/package-lock.json" -nt "$installed" ]] || return 1
  # Compare the version of every package the lock pins with the installed tree's own record.
  ! node -e '
    const fs = require("fs");
    const pinned = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).packages;
    const installed = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).packages;
    const differs = Object.entries(pinned)
      .filter(([path]) => path !== "")
      .some(([path, pkg]) => !pkg.optional && installed[path]?.version !== pkg.version);
    process.exit(differs ? 1 : 0);
  ' "$tools_dir/package-lock.json" "$installed"
}

ensure_tools_installed() {
  local tools_dir=$1
  tools_install_needed "$tools_dir" || return 0
  echo "Installing tools/ npm packages (npm ci)..."
  local log
  log=$(mktemp)
  if ! (cd "$tools_dir" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "npm ci failed in $tools_dir" >&2
    return 1
  fi
  rm -f "$log"
}
