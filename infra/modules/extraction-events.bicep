// Event Grid subscription that delivers BlobCreated events for images/ to the ExtractFeatures
// function (a blob trigger with Source = EventGrid). The webhook carries the host's
// blobs_extension system key, which exists only once the app's code runs, so this module is
// deployed by infra/hooks/wire-extraction-events.sh after the code (main.bicep also declares it,
// deployed when the key is passed as a parameter).

@description('Event Grid system topic of the storage account.')
param systemTopicName string

@description('Webhook of the blob extension: https://<host>/runtime/webhooks/blobs?functionName=Host.Functions.ExtractFeatures&code=<blobs_extension system key>.')
@secure()
param webhookUrl string

@description('Blob container whose new blobs start an extraction.')
param imagesContainer string = 'images'

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource extractFeatures 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'extract-features'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${imagesContainer}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Event subscription name.')
output name string = extractFeatures.name
