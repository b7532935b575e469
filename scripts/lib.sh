# shellcheck shell=bash
# Shared by scripts/run and scripts/test (sourced, not executed): the Debian packages Fundscope
# needs, their installation, and the incremental Release build in build/.

FUNDSCOPE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUNDSCOPE_BUILD_DIR="$FUNDSCOPE_ROOT/build"
# shellcheck disable=SC2034 # used by scripts/run
FUNDSCOPE_BINARY="$FUNDSCOPE_BUILD_DIR/app/fundscope"

# Every Debian 12 package the build, the tests and the exports need; the one list to edit.
# libqt6opengl6-dev is only a Recommends of qt6-base-dev, but Qt6Charts' CMake package needs it.
FUNDSCOPE_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libgl-dev
    libxlsxwriter-dev libuchardet-dev libsqlite3-dev sqlite3
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n # lupdate/lrelease for the zh_CN catalogue; Qt's own
    desktop-file-utils appstream dpkg-dev # the package: its checks and dpkg-shlibdeps
    poppler-utils librsvg2-bin unzip # the export tests read PDF, SVG and XLSX back with them
    fonts-noto-cjk fonts-droid-fallback # Chinese names; Droid's extract from PDFs as the right characters
    clang libclang-rt-14-dev llvm # scripts/fuzz: clang, libFuzzer and its sanitizer runtimes, llvm-symbolizer for the reports
)

fundscope_say() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

fundscope_die() {
    fundscope_say "$*"
    exit 1
}

# Prints the packages of FUNDSCOPE_PACKAGES that are not installed, one per line.
fundscope_missing_packages() {
    local package
    for package in "${FUNDSCOPE_PACKAGES[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
            printf '%s\n' "$package"
        fi
    done
}

# Installs the missing packages with apt-get (updating the package lists first), as root or
# through sudo. Does nothing, and needs no privileges, when everything is installed.
fundscope_install_packages() {
    command -v dpkg-query >/dev/null 2>&1 \
        || fundscope_die "dpkg-query not found: this script installs packages on Debian 12; elsewhere install the equivalents of: ${FUNDSCOPE_PACKAGES[*]}"
    local missing
    mapfile -t missing < <(fundscope_missing_packages)
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    local as_root=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null 2>&1 \
            || fundscope_die "missing packages (${missing[*]}) and not root, and sudo is not installed; run as root: apt-get update && apt-get install -y ${missing[*]}"
        as_root=(sudo)
    fi
    fundscope_say "installing missing packages: ${missing[*]}"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
        || fundscope_die "apt-get update failed"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null \
        || fundscope_die "apt-get install failed for: ${missing[*]}"
}

# Configures build/ (Release, Ninja) the first time, then builds incrementally: Ninja re-runs
# CMake by itself when a CMakeLists.txt changes, and rebuilds only what changed. With arguments,
# builds only those targets (scripts/bench: fundscope-bench).
# shellcheck disable=SC2120 # the targets are optional; scripts/bench passes one
fundscope_build() {
    local cache="$FUNDSCOPE_BUILD_DIR/CMakeCache.txt"
    if [[ -f "$cache" ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
        fundscope_die "$FUNDSCOPE_BUILD_DIR was configured with another generator; remove it and run again"
    fi
    if [[ ! -f "$FUNDSCOPE_BUILD_DIR/build.ninja" ]]; then
        fundscope_say "configuring a Release build in $FUNDSCOPE_BUILD_DIR"
        cmake -S "$FUNDSCOPE_ROOT" -B "$FUNDSCOPE_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            || fundscope_die "CMake configuration failed (see above)"
    fi
    local targets=()
    if (($# > 0)); then
        targets=(--target "$@")
    fi
    cmake --build "$FUNDSCOPE_BUILD_DIR" -j"$(nproc)" "${targets[@]}" || fundscope_die "the build failed (see above)"
}

# Both commands start with this: everything installed, everything built.
fundscope_prepare() {
    fundscope_install_packages
    # shellcheck disable=SC2119 # everything: no targets
    fundscope_build
}
