// GPU hosting: a Container Apps environment with a serverless GPU workload profile, running the
// function app as a container (Azure Functions on Azure Container Apps: a Microsoft.App/containerApps
// resource of kind 'functionapp', which gets the Functions scale rules for its triggers).

@description('Azure region of the resources (it must offer serverless GPUs).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Tags that only the container app carries.')
param appTags object

@description('Container Apps environment name.')
param environmentName string

@description('Container app name.')
param appName string

@description('Log Analytics workspace that receives the environment\'s logs (through diagnostic settings, no shared key).')
param workspaceId string

@description('Serverless GPU workload profile type.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string

@description('Container image to run; the postprovision hook replaces the placeholder with the app image.')
param image string

@description('Registry login server the image comes from (pulled with the managed identity).')
param registryServer string

@description('Resource id of the user-assigned identity (image pull, storage, telemetry).')
param identityId string

@description('Replicas kept running when idle (0 scales to zero: no GPU seconds billed while idle).')
@minValue(0)
param minReplicas int

@description('Upper bound of GPU replicas.')
@minValue(1)
param maxReplicas int

@description('Environment variables as name/value pairs.')
param env array

// A serverless GPU replica gets the whole GPU plus a fixed share of the node.
var gpuResources = {
  'Consumption-GPU-NC8as-T4': {
    cpu: json('8.0')
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: json('24.0')
    memory: '220Gi'
  }
}

var gpuProfileName = 'gpu'

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuProfileName
        workloadProfileType: gpuProfileType
      }
    ]
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: environment
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: appName
  location: location
  tags: union(tags, appTags)
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: gpuProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 80
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'functions'
          image: image
          resources: gpuResources[gpuProfileType]
          env: env
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
      }
    }
  }
}

@description('Container app name.')
output name string = app.name

@description('Public host name of the app.')
output hostName string = app.properties.configuration.ingress.fqdn

@description('Container Apps environment name.')
output environmentName string = environment.name
