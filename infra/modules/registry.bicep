// Azure Container Registry for the GPU image. No admin user (anonymous pull is off by default): the app's
// identity pulls with AcrPull; the deploying user pushes (az acr build) with their own roles.

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Registry name (5-50 letters and digits).')
@minLength(5)
@maxLength(50)
param registryName string

@description('Principal id of the identity that pulls images.')
param pullPrincipalId string

var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  tags: tags
  sku: {
    name: 'Basic'
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, pullPrincipalId, acrPull)
  scope: registry
  properties: {
    principalId: pullPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}

@description('Registry name.')
output name string = registry.name

@description('Login server, e.g. <name>.azurecr.io.')
output loginServer string = registry.properties.loginServer

@description('AcrPull assignment id (the app waits for it before its first pull).')
output pullAssignmentId string = pull.id
