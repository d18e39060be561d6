// The user-assigned managed identity the function app runs as (storage, registry pull, telemetry).

@description('Azure region of the resources.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Managed identity name.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id (the value of the __clientId settings).')
output clientId string = identity.properties.clientId

@description('Principal (object) id, for role assignments.')
output principalId string = identity.properties.principalId

@description('Identity name.')
output name string = identity.name
