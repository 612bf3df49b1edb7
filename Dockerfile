# Policy Bot container: build with the .NET 10 SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t policybot .
#   docker run -p 8080:8080 -e Bot__AppId=... -e Policy__Pack=fierte ... policybot
# The publish output carries the card templates (cards/) and the policy packs (policies/).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first, from the project files only, so the package layer is reused while code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY bot/TeamsPolicyBot.csproj bot/
RUN dotnet restore bot/TeamsPolicyBot.csproj

COPY bot/ bot/
COPY cards/ cards/
RUN dotnet publish bot/TeamsPolicyBot.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# Any interface, port 8080 (the base image's default, stated here because the bot listens on loopback 3978 when no
# address is configured).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080

# The image's built-in unprivileged user.
USER $APP_UID
ENTRYPOINT ["dotnet", "TeamsPolicyBot.dll"]
