#!/bin/sh
# azd predeploy hook. cpu hosting deploys a code package to Flex Consumption: go on.
# gpu hosting ships a container image, which `azd provision` (its postprovision hook) already built
# and rolled out; azd's code deployment does not apply to it, so stop here with the reason.
set -eu

if [ "${DOGBREEDS_HOSTING:-cpu}" = "gpu" ]; then
  echo "predeploy: gpu hosting runs the Dockerfile image that azd provision built and rolled out; use 'azd provision' (not azd deploy/up) to ship new code." >&2
  exit 1
fi
