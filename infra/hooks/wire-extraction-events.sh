#!/bin/sh
# Creates (or updates) the Event Grid subscription that sends BlobCreated events for images/ to the
# ExtractFeatures function. Its webhook needs the host's blobs_extension system key, which the host
# creates when it first starts with the EventGrid-source blob trigger, i.e. only after the code is
# deployed: that is why this runs from a hook and not from the first Bicep deployment.
# Inputs (azd sets them from main.bicep's outputs): AZURE_RESOURCE_GROUP, FUNCTION_APP_NAME,
# FUNCTION_APP_HOST, EVENTGRID_SYSTEM_TOPIC_NAME, DOGBREEDS_HOSTING (cpu | gpu).
set -eu

: "${AZURE_RESOURCE_GROUP:?wire-extraction-events: AZURE_RESOURCE_GROUP is not set.}"
: "${FUNCTION_APP_NAME:?wire-extraction-events: FUNCTION_APP_NAME is not set.}"
: "${FUNCTION_APP_HOST:?wire-extraction-events: FUNCTION_APP_HOST is not set.}"
: "${EVENTGRID_SYSTEM_TOPIC_NAME:?wire-extraction-events: EVENTGRID_SYSTEM_TOPIC_NAME is not set.}"
hosting="${DOGBREEDS_HOSTING:-cpu}"
repo_root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)

read_key() {
  if [ "$hosting" = "gpu" ]; then
    az containerapp function keys show --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" \
      --key-type systemKey --key-name blobs_extension --query value --output tsv 2>/dev/null || true
  else
    az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" \
      --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true
  fi
}

# Wake the host (it scales to zero) so that it creates the key, then wait for it: up to 10 minutes.
key=""
attempt=0
while [ -z "$key" ] && [ "$attempt" -lt 40 ]; do
  curl --silent --output /dev/null --max-time 30 "https://$FUNCTION_APP_HOST/api/health" || true
  key=$(read_key)
  if [ -z "$key" ]; then
    attempt=$((attempt + 1))
    sleep 15
  fi
done
if [ -z "$key" ]; then
  echo "wire-extraction-events: $FUNCTION_APP_NAME has no blobs_extension system key after 10 minutes; is ExtractFeatures (EventGrid blob trigger) deployed and the host running?" >&2
  exit 1
fi

echo "wire-extraction-events: subscribing ExtractFeatures to BlobCreated events under images/."
az deployment group create --resource-group "$AZURE_RESOURCE_GROUP" --name extraction-events \
  --template-file "$repo_root/infra/modules/extraction-events.bicep" \
  --parameters systemTopicName="$EVENTGRID_SYSTEM_TOPIC_NAME" \
               webhookUrl="https://$FUNCTION_APP_HOST/runtime/webhooks/blobs?functionName=Host.Functions.ExtractFeatures&code=$key" \
  --output none
