#!/usr/bin/env bash
# Installs every Debian package the project needs. Safe to run again: it asks apt-get only for
# what is missing, and works as root or through sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config file dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n qt6-qpa-plugins libgl-dev
  libtorch-dev libopenblas0-pthread
  libopencv-dev zlib1g-dev
  libbenchmark-dev time
  nlohmann-json3-dev libcli11-dev
  slurm-wlm munge parallel
  poppler-utils imagemagick
  libqcustomplot-dev
  dataset-fashion-mnist
  xvfb xauth
  appstream desktop-file-utils librsvg2-bin
  fonts-wqy-microhei  # Chinese text in the window, the PDF report and the screenshots
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages are installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
