# DogBreeds function app image for GPU hosting (Azure Container Apps, serverless GPU).
#
# Versions and why:
# - Host: the Azure Functions 4.x host image for .NET 10 isolated workers. The Functions team publishes
#   it under the host major version only (4-...), patched in place; pin a digest here (@sha256:...) to
#   freeze it completely.
# - CUDA 13.0 + cuDNN 9: Microsoft.ML.OnnxRuntime.Gpu 1.32.0's CUDA provider
#   (libonnxruntime_providers_cuda.so) links libcudart.so.13, libcublas.so.13, libcublasLt.so.13 and
#   libcurand.so.10, and loads libcudnn.so.9 and libnvrtc.so.13 at run time (tests/DogBreeds.Infra.Tests
#   reads this from the NuGet package). ONNX Runtime's requirements page gives CUDA 12.x + cuDNN 9.x from
#   1.18.1 on; the 1.32 NuGet build has moved to CUDA 13.x, still on cuDNN 9.x. A CUDA 13
#   runtime needs an NVIDIA driver >= 580 on the host (the GPU node supplies libcuda.so.1).
# - Only the libraries ONNX Runtime loads are copied from NVIDIA's runtime image (cudart, cublas,
#   cublasLt, curand, nvrtc, cuDNN), not the whole toolkit: the image stays several GB smaller.
#
# Root: the Functions host listens on port 80 and its start script installs CA certificates at start,
# both of which need root in this base image; the container runs no shell and no SSH.
#
# Build (remotely, as infra/hooks/postprovision.sh does):
#   az acr build --registry <registry> --image dogbreeds-functions:<tag> --file Dockerfile .

ARG CUDA_VERSION=13.0.2
ARG CUDNN_MAJOR=9

FROM mcr.microsoft.com/dotnet/sdk:10.0.100 AS build
WORKDIR /src
COPY . .
RUN dotnet publish functions/DogBreeds.Functions/DogBreeds.Functions.csproj \
      --configuration Release --runtime linux-x64 --self-contained false \
      --output /app/publish

FROM nvidia/cuda:${CUDA_VERSION}-cudnn-runtime-ubuntu24.04 AS cuda

FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0 AS final
ARG CUDA_VERSION
ARG CUDNN_MAJOR
COPY --from=cuda \
     /usr/local/cuda/targets/x86_64-linux/lib/libcudart.so.13* \
     /usr/local/cuda/targets/x86_64-linux/lib/libcublas.so.13* \
     /usr/local/cuda/targets/x86_64-linux/lib/libcublasLt.so.13* \
     /usr/local/cuda/targets/x86_64-linux/lib/libcurand.so.10* \
     /usr/local/cuda/targets/x86_64-linux/lib/libnvrtc.so.13* \
     /usr/local/cuda/targets/x86_64-linux/lib/libnvrtc-builtins.so.13* \
     /usr/lib/x86_64-linux-gnu/libcudnn*.so.9* \
     /opt/nvidia/lib/
ENV LD_LIBRARY_PATH=/opt/nvidia/lib \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    DOGBREEDS_CUDA_VERSION=${CUDA_VERSION} \
    DOGBREEDS_CUDNN_MAJOR=${CUDNN_MAJOR} \
    AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
    FUNCTIONS_WORKER_RUNTIME=dotnet-isolated \
    DogBreeds__ExecutionProvider=cuda
WORKDIR /home/site/wwwroot
COPY --from=build /app/publish .
