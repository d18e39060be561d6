#!/bin/sh
# azd postdeploy hook (cpu hosting): the deployed code created the blobs_extension system key, so the
# Event Grid subscription for images/ can now point at ExtractFeatures.
set -eu
"$(dirname -- "$0")/wire-extraction-events.sh"
