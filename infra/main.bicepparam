// Parameters for a plain `az deployment sub create` (no azd): values come from environment variables,
// with the same defaults main.bicep has. azd uses main.parameters.json instead.
//   DOGBREEDS_ENV=dev DOGBREEDS_LOCATION=swedencentral DOGBREEDS_HOSTING=cpu \
//   az deployment sub create --location swedencentral --template-file infra/main.bicep --parameters infra/main.bicepparam
using 'main.bicep'

param environmentName = readEnvironmentVariable('DOGBREEDS_ENV', 'dev')
param location = readEnvironmentVariable('DOGBREEDS_LOCATION', 'swedencentral')
param hosting = readEnvironmentVariable('DOGBREEDS_HOSTING', 'cpu')
param gpuProfileType = readEnvironmentVariable('DOGBREEDS_GPU_PROFILE', 'Consumption-GPU-NC8as-T4')
param gpuMaxReplicas = int(readEnvironmentVariable('DOGBREEDS_GPU_MAX_REPLICAS', '2'))
param containerImage = readEnvironmentVariable('DOGBREEDS_CONTAINER_IMAGE', '')
// Flex Consumption offers 512, 2048 or 4096 MB per instance: edit the value to change it.
param instanceMemoryMB = 2048
param alwaysReadyInstances = int(readEnvironmentVariable('DOGBREEDS_ALWAYS_READY', '0'))
param principalId = readEnvironmentVariable('DOGBREEDS_PRINCIPAL_ID', '')
param principalType = readEnvironmentVariable('DOGBREEDS_PRINCIPAL_TYPE', 'User')
param blobsExtensionKey = readEnvironmentVariable('DOGBREEDS_BLOBS_EXTENSION_KEY', '')
