// Data-plane roles on the pipeline storage account: exactly what the app needs, nothing at
// the resource-group or subscription level.
//   Storage Blob Data Owner        photos, features, models, host locks, Flex deployment package
//   Storage Queue Data Contributor blob-trigger receipts/poison queue, Durable task hub queues
//   Storage Table Data Contributor Durable task hub History/Instances tables
// Optionally the deploying user (or pipeline) gets Storage Blob Data Contributor so that
// `az storage blob upload --auth-mode login` works for sending photos.

@description('Storage account the roles apply to.')
param storageAccountName string

@description('Principal id of the app\'s managed identity.')
param appPrincipalId string

@description('Object id of the deploying user; empty to grant nothing.')
param userPrincipalId string = ''

@description('Kind of principal userPrincipalId is.')
@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string = 'User'

var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

var appRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource appRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource userBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(storage.id, userPrincipalId, storageBlobDataContributor)
  scope: storage
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

@description('Role definition ids granted to the app.')
output appRoleDefinitionIds array = [for (roleId, i) in appRoles: appRoleAssignments[i].properties.roleDefinitionId]
