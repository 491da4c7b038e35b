# Finding a JDK that can build and run Skylift; sourced by bin/skylift and bin/test-all.
# shellcheck shell=bash

readonly SKYLIFT_MIN_JAVA=25
readonly SKYLIFT_FALLBACK_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

# Prints the feature version (25 for 25.0.3, 8 for 1.8.0) of the JDK whose home is $1, or nothing.
skylift_java_feature_version() {
    local home=$1 version=""
    [[ -x $home/bin/java ]] || return 0
    if [[ -r $home/release ]]; then
        # Reading the release file costs nothing; starting a JVM to ask costs ~50 ms.
        version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
    fi
    if [[ -z $version ]]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}
    echo "${version%%[.+-]*}"
}

# Prints the home of a JDK 25 or newer: $JAVA_HOME if it is one, else the Temurin 25 that the
# project's machines have, else the one `java` on PATH belongs to. Fails naming what to install.
skylift_java_home() {
    local candidates=() home version java
    [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
    [[ ${JAVA_HOME:-} == "$SKYLIFT_FALLBACK_JDK" ]] || candidates+=("$SKYLIFT_FALLBACK_JDK")
    if java=$(command -v java); then
        java=$(readlink -f -- "$java" 2>/dev/null || echo "$java")
        home=$(dirname -- "$(dirname -- "$java")")
        [[ " ${candidates[*]} " == *" $home "* ]] || candidates+=("$home")
    fi
    for home in "${candidates[@]}"; do
        version=$(skylift_java_feature_version "$home")
        if [[ $version =~ ^[0-9]+$ ]] && ((version >= SKYLIFT_MIN_JAVA)); then
            echo "$home"
            return 0
        fi
    done
    echo "skylift: needs Java $SKYLIFT_MIN_JAVA or newer (looked at ${candidates[*]});" \
        "install a JDK $SKYLIFT_MIN_JAVA such as Eclipse Temurin 25 and set JAVA_HOME to it" >&2
    return 1
}
