#!/usr/bin/env bash
# Installs the Debian 12 packages Campus Twin needs to build, run and test. Installs only what
# is missing, so it is quick when everything is there. Needs root or sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache mold
  libvulkan-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools glslc
  libglfw3-dev libglm-dev libimgui-dev libtinygltf-dev libstb-dev nlohmann-json3-dev
  libcli11-dev libfmt-dev catch2 libbenchmark-dev libmeshoptimizer-dev
  libmosquitto-dev mosquitto libsqlite3-dev
  xvfb xauth imagemagick ffmpeg fonts-dejavu-core
  clang libclang-rt-14-dev python3
)

# The Khronos glTF validator runs on Node.js (tools/gltf-validate); use the machine's own if it
# has one, else Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
