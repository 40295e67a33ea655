#!/usr/bin/env bash
# Builds CodeCube's runner images and writes images/.build/images.json (the lock file the sandbox reads).
#
#   images/build.sh [--only LANG...] [--force]
#
# Each image is tagged by content: codecube/<image>:<12 hex of sha256(folder files, parent tag, runner source)>.
# A tag that already exists is not rebuilt, so a second run is a no-op. --force rebuilds without the layer cache.
# Without a registry, debian:bookworm-slim is made locally with debootstrap, so the Dockerfiles stay plain.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest=$here/languages.json
build_dir=$here/.build
lock=$build_dir/images.json
runner_src=$here/base/runner/codecube-runner.c
debian_image=debian:bookworm-slim
# The embedded BuildKit of older daemons resolves FROM images against the registry even when they exist locally;
# the classic builder uses the local debian:bookworm-slim made below.
export DOCKER_BUILDKIT=0

log() { printf '%s\n' "$*" >&2; }
die() { log "build.sh: error: $*"; exit 1; }

force=0
only=()
while [ $# -gt 0 ]; do
    case $1 in
        --force) force=1 ;;
        --only) shift; [ $# -gt 0 ] || die "--only needs a language"
                while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do only+=("$1"); shift; done; continue ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) die "unknown argument: $1" ;;
    esac
    shift
done

for tool in docker jq sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is missing (run scripts/prereqs.sh)"
done
docker info >/dev/null 2>&1 || die "docker daemon is not reachable (run scripts/prereqs.sh)"
jq -e '.languages | length > 0' "$manifest" >/dev/null || die "cannot read $manifest"
mkdir -p "$build_dir"
# run.sh and test.sh may both call this script: one build at a time, the second then finds everything built.
exec 9>"$build_dir/build.lock"
flock 9

# --- debian:bookworm-slim ------------------------------------------------------------------------------------------

# First URI of an enabled apt source whose path ends in /$1 (deb822 .sources or one-line .list), else deb.debian.org.
apt_mirror() {
    local suffix=$1 uri
    uri=$( { grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{ for (i = 2; i <= NF; i++) print $i }'
             grep -hsE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
                 | sed -E 's/\[[^]]*\]//' | awk '{ print $2 }'
           } | grep -E "/${suffix}/?\$" | head -n 1 || true)
    printf '%s\n' "${uri:-http://deb.debian.org/$suffix}"
}

make_debian_image() {
    local rootfs=$build_dir/rootfs mirror security
    mirror=$(apt_mirror debian)
    security=$(apt_mirror debian-security)
    command -v debootstrap >/dev/null || die "debootstrap is missing (run scripts/prereqs.sh)"
    [ "$(id -u)" = 0 ] || die "debootstrap needs root to create $debian_image"
    if [ ! -f "$rootfs/.codecube-complete" ]; then
        log "==> debootstrap bookworm from $mirror"
        rm -rf "$rootfs"
        mkdir -p "$build_dir/debootstrap-cache"
        debootstrap --variant=minbase --cache-dir="$build_dir/debootstrap-cache" bookworm "$rootfs" "$mirror" \
            >"$build_dir/debootstrap.log" 2>&1 || die "debootstrap failed, see $build_dir/debootstrap.log"
        slim_rootfs "$rootfs" "$mirror" "$security"
        touch "$rootfs/.codecube-complete"
    fi
    log "==> docker import $debian_image"
    tar -C "$rootfs" --numeric-owner --exclude=./.codecube-complete -c . \
        | docker import --change 'CMD ["bash"]' - "$debian_image" >/dev/null
}

# Makes the rootfs look like the official slim image: no docs, man pages or locales, now or in later installs.
slim_rootfs() {
    local rootfs=$1 mirror=$2 security=$3
    cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
EOF
    printf 'Acquire::Languages "none";\n' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
    find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
    rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/cache/apt/*.bin \
        "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
    find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
    rm -f "$rootfs/etc/apt/sources.list"
    cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

ensure_debian_image() {
    docker image inspect "$debian_image" >/dev/null 2>&1 && return
    log "==> docker pull $debian_image"
    timeout 30 docker pull -q "$debian_image" >/dev/null 2>&1 && return
    log "    no registry; building it locally"
    make_debian_image
}

# --- runner images -------------------------------------------------------------------------------------------------

# Sets REPLY to the image ID (cached: each docker CLI call costs a noticeable fraction of a second).
declare -A id_cache=()
image_id() {
    [ -n "${id_cache[$1]:-}" ] || id_cache[$1]=$(docker image inspect --format '{{.Id}}' "$1")
    REPLY=${id_cache[$1]}
}

# 12 hex of sha256 over the folder's files (names and contents), the parent's tag and the runner source.
content_tag() {
    local dir=$here/$1 parent=$2
    {
        (cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        printf 'parent %s\n' "$parent"
        sha256sum <"$runner_src"
    } | sha256sum | cut -c1-12
}

declare -A built_tag=() build_note=() build_seconds=()

build_image() {
    local name=$1 parent=$2 tag ref start
    [ -f "$here/$name/Dockerfile" ] || die "no Dockerfile in images/$name"
    # An image may fetch inputs on the host first (images/node/fetch.sh uses the host's npm client).
    if [ -x "$here/$name/fetch.sh" ]; then
        "$here/$name/fetch.sh" || die "images/$name/fetch.sh failed"
    fi
    tag=$(content_tag "$name" "$parent")
    ref=codecube/$name:$tag
    start=$SECONDS
    if [ "$force" = 1 ] || ! docker image inspect "$ref" >/dev/null 2>&1; then
        log "==> docker build $ref"
        local args=(--tag "$ref" --label "org.codecube.image=$name")
        [ "$force" = 1 ] && args+=(--no-cache)
        [ "$name" = base ] || args+=(--build-arg "BASE_IMAGE=$parent")
        if ! docker build "${args[@]}" "$here/$name" >"$build_dir/build-$name.log" 2>&1; then
            tail -n 30 "$build_dir/build-$name.log" >&2
            die "building $ref failed, full log: $build_dir/build-$name.log"
        fi
        build_note[$name]=built
    else
        build_note[$name]=unchanged
    fi
    docker tag "$ref" "codecube/$name:latest"
    built_tag[$name]=$ref
    build_seconds[$name]=$((SECONDS - start))
}

# The version as the image reports it: the first dotted number in the versionCommand's output.
language_version() {
    local ref=$1 id=$2 out
    local -a cmd
    mapfile -t cmd < <(jq -r --arg id "$id" '.languages[] | select(.id == $id) | .versionCommand[]' "$manifest")
    out=$(docker run --rm --network none --user 10001 "$ref" "${cmd[@]}" 2>&1) \
        || die "version command of $id failed in $ref: $out"
    grep -oE '[0-9]+(\.[0-9]+)+' <<<"$out" | head -n 1 | grep . || die "no version in output of $id: $out"
}

# Rewrites the lock file from what is built so far, so the sandbox can start using the first images early.
write_lock() {
    local id name ref version lines=()
    for id in "${!language_image[@]}"; do
        name=${language_image[$id]}
        ref=${built_tag[$name]:-}
        [ -n "$ref" ] || continue
        image_id "$ref"
        version=${known_version["$id $ref $REPLY"]:-}
        [ -n "$version" ] || version=$(language_version "$ref" "$id")
        known_version["$id $ref $REPLY"]=$version
        lines+=("$id"$'\t'"$ref"$'\t'"$version"$'\t'"$REPLY")
    done
    printf '%s\n' "${lines[@]}" | jq -R -n --arg base "${built_tag[base]}" '{base: $base, languages:
        ([inputs | select(. != "") | split("\t") | {key: .[0], value: {image: .[1], version: .[2], digest: .[3]}}]
         | sort_by(.key) | from_entries)}' >"$lock.tmp"
    mv "$lock.tmp" "$lock"
}

# Image folders in build order: base first (the parent of all), python next (the first language people use),
# then the rest in manifest order; --only narrows the languages (base is always ensured).
wanted_images() {
    jq -r --argjson only "$(printf '%s\n' "${only[@]+"${only[@]}"}" | jq -R . | jq -sc 'map(select(. != ""))')" '
        [.languages[] | select(($only | length) == 0
            or ([.id, .image] + (.aliases // []) | any(. as $n | $only | index($n))))
          | .image] as $picked
        | if ($only | length) > 0 and ($picked | length) == 0 then error("--only matched no language") else . end
        | ["base"] + ([$picked[] | select(. == "python")] | unique) + $picked
        | reduce .[] as $i ([]; if index($i) then . else . + [$i] end) | .[]' "$manifest" \
        || die "cannot select languages from --only ${only[*]}"
}

total_start=$SECONDS
declare -A language_image=() known_version=()
# Versions from an earlier lock stay valid for the same image and digest: no container start on a no-op run.
if [ -f "$lock" ]; then
    while IFS=$'\t' read -r id ref digest version; do
        known_version["$id $ref $digest"]=$version
    done < <(jq -r '.languages | to_entries[] | [.key, .value.image, .value.digest, .value.version] | @tsv' \
        "$lock" 2>/dev/null || true)
fi
while read -r id name; do language_image[$id]=$name; done < <(jq -r '.languages[] | "\(.id) \(.image)"' "$manifest")
ensure_debian_image
mapfile -t images < <(wanted_images)
[ ${#images[@]} -gt 0 ] || exit 1

# A lock from an earlier run keeps languages outside --only: adopt those still present locally.
if [ -f "$lock" ] && [ ${#only[@]} -gt 0 ]; then
    while read -r name ref; do
        docker image inspect "$ref" >/dev/null 2>&1 && built_tag[$name]=$ref
    done < <(jq -r '.languages as $l | input.languages[] | select($l[.id]) | "\(.image) \($l[.id].image)"' \
        "$lock" "$manifest" 2>/dev/null || true)
fi

build_image base "$debian_image@$(docker image inspect --format '{{.Id}}' "$debian_image")"
write_lock
for name in "${images[@]}"; do
    [ "$name" = base ] && continue
    build_image "$name" "${built_tag[base]}"
    [ "${build_note[$name]}" = unchanged ] || write_lock
done
write_lock

printf '%-8s %-30s %-10s %8s %6s\n' IMAGE TAG STATUS SIZE SECS
for name in "${images[@]}"; do
    size=$(docker image inspect --format '{{.Size}}' "${built_tag[$name]}")
    printf '%-8s %-30s %-10s %7dM %6s\n' "$name" "${built_tag[$name]}" "${build_note[$name]}" \
        $((size / 1024 / 1024)) "${build_seconds[$name]}"
done
log "lock file: $lock ($((SECONDS - total_start)) s)"
