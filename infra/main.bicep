// DogBreeds on Azure: one resource group per environment holding the pipeline storage, an identity
// with exactly the storage roles the app needs, monitoring, Event Grid for the extraction trigger,
// and the function app on one of two hostings:
//   cpu  Flex Consumption plan (Linux, .NET 10 isolated, code deployment)
//   gpu  Container Apps with a serverless GPU workload profile (the Dockerfile's image, CUDA)
// Deploy with `azd up` (cpu) / `azd provision` (gpu), or
// `az deployment sub create -l <region> -f infra/main.bicep -p infra/main.parameters.json`.
targetScope = 'subscription'

@description('Name of the environment (azd environment name); names the resource group and seeds resource names.')
@minLength(1)
@maxLength(40)
param environmentName string

@description('Azure region for every resource; for gpu choose one with serverless GPUs (e.g. westus3, swedencentral, australiaeast).')
@minLength(1)
param location string

@description('Where the app runs: cpu (Flex Consumption) or gpu (Container Apps serverless GPU).')
@allowed([
  'cpu'
  'gpu'
])
param hosting string = 'cpu'

@description('gpu hosting: the serverless GPU (T4: 16 GB, cheaper; A100: 80 GB, faster).')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string = 'Consumption-GPU-NC8as-T4'

@description('gpu hosting: replicas kept running when idle (0 = scale to zero, no GPU seconds billed while idle).')
@minValue(0)
@maxValue(10)
param gpuMinReplicas int = 0

@description('gpu hosting: most GPU replicas at once (also bounded by your subscription\'s GPU quota).')
@minValue(1)
@maxValue(50)
param gpuMaxReplicas int = 2

@description('gpu hosting: the app image; empty until the postprovision hook has built it (a public placeholder runs meanwhile).')
param containerImage string = ''

@description('cpu hosting: memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('cpu hosting: always-ready instances for HTTP (scoring without cold start); each is billed while idle.')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('cpu hosting: most instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Backbone the app extracts features with (DogBreeds__Backbone).')
param backbone string = 'resnet18'

@description('Durable Functions task hub name (TaskHubName).')
param taskHubName string = 'dogbreeds'

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID): gets Storage Blob Data Contributor to upload photos. Empty: none.')
param principalId string = ''

@description('Kind of principal principalId is: User (azd up from a shell) or ServicePrincipal (a pipeline).')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('The app\'s blobs_extension system key. Empty (the default) skips the Event Grid subscription; the postdeploy hook deploys it once the code runs.')
@secure()
param blobsExtensionKey string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'dogbreeds'
  hosting: hosting
}
var appTags = {
  'azd-service-name': 'api'
}
var isCpu = hosting == 'cpu'
var isGpu = hosting == 'gpu'
var appName = 'func-dogbreeds-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
// Public quickstart image that answers until the hook rolls out the DogBreeds image.
var placeholderImage = 'mcr.microsoft.com/azure-functions/dotnet8-quickstart-demo:1.0'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-dogbreeds-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    workspaceName: 'log-dogbreeds-${resourceToken}'
    applicationInsightsName: 'appi-dogbreeds-${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    identityName: 'id-dogbreeds-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    storageAccountName: 'stdogbreeds${take(resourceToken, 13)}'
    deploymentContainerName: isCpu ? deploymentContainerName : ''
  }
}

module storageAccess 'modules/storage-access.bicep' = {
  name: 'storage-access'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module telemetryAccess 'modules/telemetry-access.bicep' = {
  name: 'telemetry-access'
  scope: resourceGroup
  params: {
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
  }
}

module eventSource 'modules/event-source.bicep' = {
  name: 'event-source'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    systemTopicName: 'evgt-dogbreeds-${resourceToken}'
    storageAccountName: storage.outputs.name
  }
}

// Identity-based connections only: no account key or connection string anywhere.
var hostStorageSettings = [
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.outputs.queueEndpoint }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.outputs.tableEndpoint }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.outputs.clientId }
]
var pipelineStorageSettings = [
  { name: 'PhotoStorage__blobServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'PhotoStorage__queueServiceUri', value: storage.outputs.queueEndpoint }
  { name: 'PhotoStorage__credential', value: 'managedidentity' }
  { name: 'PhotoStorage__clientId', value: identity.outputs.clientId }
]
var appOptionSettings = [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.outputs.clientId};Authorization=AAD' }
  { name: 'AZURE_CLIENT_ID', value: identity.outputs.clientId }
  { name: 'TaskHubName', value: taskHubName }
  // In Azure the Event Grid-based trigger runs; the polling twin is for Azurite only.
  { name: 'AzureWebJobs.ExtractFeaturesPolling.Disabled', value: 'true' }
  { name: 'DogBreeds__Backbone', value: backbone }
  // cuda on GPU hosts fails loudly when CUDA is missing instead of silently running on the CPU.
  { name: 'DogBreeds__ExecutionProvider', value: isGpu ? 'cuda' : 'cpu' }
]
var appSettings = concat(hostStorageSettings, pipelineStorageSettings, appOptionSettings)
// A container carries the runtime settings that Flex Consumption sets from functionAppConfig.runtime.
var containerSettings = concat(appSettings, [
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
])

module cpuHost 'modules/flex-function.bicep' = if (isCpu) {
  name: 'cpu-host'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    appTags: appTags
    planName: 'plan-dogbreeds-${resourceToken}'
    appName: appName
    identityId: identity.outputs.id
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyInstances: alwaysReadyInstances
    maximumInstanceCount: maximumInstanceCount
    appSettings: appSettings
  }
  dependsOn: [
    storageAccess
    telemetryAccess
  ]
}

module registry 'modules/registry.bicep' = if (isGpu) {
  name: 'registry'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    registryName: 'crdogbreeds${resourceToken}'
    pullPrincipalId: identity.outputs.principalId
  }
}

module gpuHost 'modules/gpu-function.bicep' = if (isGpu) {
  name: 'gpu-host'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    appTags: appTags
    environmentName: 'cae-dogbreeds-${resourceToken}'
    appName: 'ca-dogbreeds-${resourceToken}'
    workspaceId: monitoring.outputs.workspaceId
    gpuProfileType: gpuProfileType
    image: empty(containerImage) ? placeholderImage : containerImage
    registryServer: registry!.outputs.loginServer
    identityId: identity.outputs.id
    minReplicas: gpuMinReplicas
    maxReplicas: gpuMaxReplicas
    env: containerSettings
  }
  dependsOn: [
    storageAccess
    telemetryAccess
  ]
}

var functionHostName = isCpu ? cpuHost!.outputs.hostName : gpuHost!.outputs.hostName

module extractionEvents 'modules/extraction-events.bicep' = if (!empty(blobsExtensionKey)) {
  name: 'extraction-events'
  scope: resourceGroup
  params: {
    systemTopicName: eventSource.outputs.name
    webhookUrl: 'https://${functionHostName}/runtime/webhooks/blobs?functionName=Host.Functions.ExtractFeatures&code=${blobsExtensionKey}'
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output DOGBREEDS_HOSTING string = hosting
output FUNCTION_APP_NAME string = isCpu ? cpuHost!.outputs.name : gpuHost!.outputs.name
output FUNCTION_APP_HOST string = functionHostName
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output EVENTGRID_SYSTEM_TOPIC_NAME string = eventSource.outputs.name
output AZURE_CONTAINER_REGISTRY_NAME string = isGpu ? registry!.outputs.name : ''
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = isGpu ? registry!.outputs.loginServer : ''
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
