// Policy Bot for one school trust: the bot's identity, the Azure Bot with its Teams channel, a
// Linux App Service running the .NET 10 bot, Table Storage and a private blob container for the
// approval photos, reached only with Entra ID (no account keys anywhere), and Application Insights on a Log Analytics workspace, also taking only Entra ID.
// Deploy: see infra/README.md.
targetScope = 'resourceGroup'

@description('Short name of the trust, used in every resource name: lower-case letters and digits, e.g. oakfield.')
@minLength(3)
@maxLength(12)
param name string

@description('Azure region for everything but the bot registration, which is global.')
param location string = resourceGroup().location

@description('How the bot signs in to the Bot Framework: its user-assigned managed identity (no secret to manage), or an Entra app registration in this tenant with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentityType string = 'UserAssignedMSI'

@description('SingleTenant only: client ID of the bot\'s Entra app registration.')
param botAppId string = ''

@description('SingleTenant only: a client secret of that app registration.')
@secure()
param botClientSecret string = ''

@description('Tenant IDs the bot serves, comma-separated; empty means this deployment\'s own tenant.')
param allowedTenants string = ''

@description('The trust\'s policy pack (bot/policies/<id>.yaml).')
@allowed([
  'fierte'
  'wy-catholic'
  'trinity'
  'henry-box'
  'societas'
])
param policyPack string

@description('Object ID of the Entra group of senior leaders who approve posts on official school accounts.')
param approverGroupId string

@description('Teams channel ID (19:…@thread.tacv2) of the senior leaders\' channel where approval requests are posted.')
param approvalsChannelId string = ''

@description('Object ID of the Entra group of policy leads who answer the questions staff put to them ("Ask the policy lead"); empty turns that off.')
param policyLeadGroupId string = ''

@description('Teams channel ID (19:…@thread.tacv2) where questions to the policy leads are posted; empty sends them 1:1.')
param policyLeadsChannelId string = ''

@description('Entra object IDs of the staff who may run admin commands (reminder report, export), comma-separated.')
param adminUsers string = ''

@description('Who staff are told to report safeguarding concerns to, e.g. "Designated Safeguarding Lead: dsl@school.example.org".')
param safeguardingContacts string = ''

@description('App Service plan size; B1 is the smallest with Always On, which the bot needs for reminders.')
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var useManagedIdentity = botIdentityType == 'UserAssignedMSI'
var suffix = take(uniqueString(resourceGroup().id, name), 6)
var webAppName = 'policybot-${name}-${suffix}'
var storageAccountName = take('policybot${name}${suffix}', 24)
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var photoContainerName = 'approval-photos'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-policybot-${name}'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: 'log-policybot-${name}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-policybot-${name}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // Ingestion only with an Entra token: the identity below may publish, and the connection string alone
    // (which is no secret) lets nothing in.
    DisableLocalAuth: true
  }
}

resource botCanPublishTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2026-09-01' = {
  parent: storage
  name: 'default'
}

resource botCanUseTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: storage
  name: 'default'
}

// Photos of pupils sent with post requests: private, and only the bot's identity may read or write them.
resource photos 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobs
  name: photoContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource botCanUsePhotos 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(photos.id, identity.id, storageBlobDataContributor)
  scope: photos
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'asp-policybot-${name}'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
  }
  properties: {
    reserved: true
  }
}

// The bot signs in to the Bot Framework either as its managed identity or as an app registration.
var managedIdentitySettings = [
  {
    name: 'Bot__AppId'
    value: identity.properties.clientId
  }
  {
    name: 'Bot__ManagedIdentityClientId'
    value: identity.properties.clientId
  }
]
var appRegistrationSettings = [
  {
    name: 'Bot__AppId'
    value: botAppId
  }
  {
    name: 'Bot__ClientSecret'
    value: botClientSecret
  }
]

resource web 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(useManagedIdentity ? managedIdentitySettings : appRegistrationSettings, [
        {
          name: 'Bot__TenantId'
          value: tenant().tenantId
        }
        {
          name: 'Bot__AllowedTenants'
          value: empty(allowedTenants) ? tenant().tenantId : allowedTenants
        }
        {
          name: 'Storage__TableEndpoint'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'Storage__BlobEndpoint'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'Approvals__PhotoContainer'
          value: photoContainerName
        }
        {
          // The web app's own address, in front of the short-lived "Open full size" photo links.
          name: 'Approvals__PhotoLinkBaseUrl'
          value: 'https://${webAppName}.azurewebsites.net'
        }
        {
          name: 'Storage__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        {
          name: 'Policy__Pack'
          value: policyPack
        }
        {
          name: 'Approvals__ApproverGroupId'
          value: approverGroupId
        }
        {
          name: 'Approvals__ChannelId'
          value: approvalsChannelId
        }
        {
          name: 'Experts__LeadGroupId'
          value: policyLeadGroupId
        }
        {
          name: 'Experts__ChannelId'
          value: policyLeadsChannelId
        }
        {
          name: 'Admin__Users'
          value: adminUsers
        }
        {
          name: 'Safeguarding__Contacts'
          value: safeguardingContacts
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          // The bot exports its own telemetry (OpenTelemetry, redacted), signing in as the identity because the
          // component takes no key; App Service's agent is left off so nothing goes around the redaction or twice.
          name: 'Telemetry__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        {
          // Kestrel listens on every interface on 8080, where App Service forwards traffic (WEBSITES_PORT). With no
          // address configured at all the bot would listen on loopback 3978 only, as for local runs.
          name: 'ASPNETCORE_HTTP_PORTS'
          value: '8080'
        }
        {
          name: 'WEBSITES_PORT'
          value: '8080'
        }
      ])
    }
  }
  dependsOn: [
    botCanUseTables
    botCanPublishTelemetry
    tables
  ]
}

// The bot writes one JSON object per log line to the console (outside development); these categories send the
// console, HTTP access and platform logs to the workspace, where they can be queried by field.
// The linter's suggestion, 2016-09-01, is the older per-service shape (named 'service', no workspaceId): the
// preview is the newest version of named settings sent to a workspace.
#disable-next-line use-recent-api-versions
resource webLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: web
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-policybot-${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Policy Bot'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: botIdentityType
    msaAppId: useManagedIdentity ? identity.properties.clientId : botAppId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useManagedIdentity ? identity.id : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Web app to deploy the published bot to (az webapp deploy).')
output webAppName string = web.name

@description('BOT_DOMAIN for manifest/build.mjs.')
output botDomain string = web.properties.defaultHostName

@description('BOT_ID for manifest/build.mjs: the Microsoft App ID the Azure Bot uses.')
output botId string = bot.properties.msaAppId

@description('Principal (object) ID of the managed identity: grant it GroupMember.Read.All on Microsoft Graph (with academies, also EduRoster.ReadBasic.All and/or User.Read.All).')
output identityPrincipalId string = identity.properties.principalId

@description('Table Storage endpoint the bot uses (Storage__TableEndpoint).')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('Blob Storage endpoint the bot keeps approval photos in (Storage__BlobEndpoint).')
output blobEndpoint string = storage.properties.primaryEndpoints.blob
