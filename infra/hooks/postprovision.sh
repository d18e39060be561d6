#!/bin/sh
# azd postprovision hook. gpu hosting: build the app image from Dockerfile in the registry (ACR Tasks,
# no local Docker needed), roll it out to the container app, remember it for the next provision, then
# wire Event Grid to ExtractFeatures. cpu hosting: nothing yet (the code arrives with `azd deploy`).
set -eu

if [ "${DOGBREEDS_HOSTING:-cpu}" != "gpu" ]; then
  echo "postprovision: cpu hosting, the function app gets its code from azd deploy."
  exit 0
fi

: "${AZURE_RESOURCE_GROUP:?postprovision: AZURE_RESOURCE_GROUP is not set (run through azd, or export the main.bicep outputs).}"
: "${AZURE_CONTAINER_REGISTRY_NAME:?postprovision: AZURE_CONTAINER_REGISTRY_NAME is not set.}"
: "${AZURE_CONTAINER_REGISTRY_ENDPOINT:?postprovision: AZURE_CONTAINER_REGISTRY_ENDPOINT is not set.}"
: "${FUNCTION_APP_NAME:?postprovision: FUNCTION_APP_NAME is not set.}"

repo_root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
tag=$(git -C "$repo_root" rev-parse --short HEAD 2>/dev/null || date -u +%Y%m%d%H%M%S)
image="$AZURE_CONTAINER_REGISTRY_ENDPOINT/dogbreeds-functions:$tag"

echo "postprovision: building $image in $AZURE_CONTAINER_REGISTRY_NAME (ACR Tasks)."
az acr build --registry "$AZURE_CONTAINER_REGISTRY_NAME" --image "dogbreeds-functions:$tag" \
  --file "$repo_root/Dockerfile" "$repo_root"

echo "postprovision: rolling out $image to $FUNCTION_APP_NAME."
az containerapp update --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" --image "$image" --output none

# The next `azd provision` passes this image as containerImage instead of the placeholder.
if command -v azd >/dev/null 2>&1; then
  azd env set DOGBREEDS_CONTAINER_IMAGE "$image"
fi

"$repo_root/infra/hooks/wire-extraction-events.sh"
