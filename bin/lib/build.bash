# Sourced by bin/prism and bin/device-bundle: finds a Java 17+ and (re)builds a jar with Maven when a source of its
# modules is newer than it. The caller sets ROOT, JAR, MODULES (the modules whose sources the jar holds), BUILD (Maven's
# arguments), WHAT (the name in progress lines) and PROG (the prefix of error messages).

fail() {
    echo "${PROG:-prism}: $*" >&2
    exit 1
}

find_java() {
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        JAVA="$JAVA_HOME/bin/java"
    elif command -v java >/dev/null 2>&1; then
        JAVA="$(command -v java)"
    else
        fail "no 'java' on PATH and JAVA_HOME is not set: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk)"
    fi
    local version major
    version="$("$JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"
    major="${version%%.*}"
    # Java 8 and older report "1.8.0_x"
    if [[ "$major" == "1" ]]; then
        major="$(echo "$version" | cut -d. -f2)"
    fi
    if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
        fail "$JAVA is Java ${version:-of unknown version}; Prism needs Java 17 or newer (set JAVA_HOME to a JDK 17+)"
    fi
}

# The jar is stale when any source or pom of the modules it contains is newer than it.
jar_is_stale() {
    [[ -f "$JAR" ]] || return 0
    local dirs=() m
    for m in "${MODULES[@]}"; do
        [[ -d "$ROOT/$m/src" ]] && dirs+=("$ROOT/$m/src")
        [[ -f "$ROOT/$m/pom.xml" ]] && dirs+=("$ROOT/$m/pom.xml")
    done
    dirs+=("$ROOT/pom.xml")
    [[ -n "$(find "${dirs[@]}" -newer "$JAR" -type f -print -quit)" ]]
}

# Maven's own output is hundreds of lines; the user sees one line per module and a dot per batch of downloads.
show_progress() {
    awk '
        /^\[INFO\] Building .* \[[0-9]+\/[0-9]+\]$/ {
            if (dots) { printf "\n"; dots = 0 }
            step = $NF
            sub(/^\[INFO\] Building /, "")
            sub(/ +\[[0-9]+\/[0-9]+\]$/, "")
            sub(/ [^ ]+$/, "")
            printf "  %s %s\n", step, $0
            fflush()
            next
        }
        /^\[INFO\] Downloaded from / {
            if (!dots) { printf "  downloading dependencies "; dots = 1 }
            if (++downloads % 10 == 0) { printf "."; fflush() }
        }
        END { if (dots) printf "\n" }
    ' >&2
}

# Maven's [ERROR] lines without its boilerplate advice; the log's last lines when there are none (a crash).
build_errors() {
    local errors
    errors="$(grep -E '^\[ERROR\]' "$1" \
        | grep -vE '^\[ERROR\] *$|-> \[Help|To see the full stack|Re-run Maven|For more information|\[Help 1\]|After correcting|mvn <args>' \
        | head -n 30 || true)"
    if [[ -n "$errors" ]]; then
        echo "$errors"
    else
        tail -n 20 "$1"
    fi
}

build() {
    command -v mvn >/dev/null 2>&1 \
        || fail "no 'mvn' on PATH: Prism builds with Maven 3.8 or newer (e.g. apt-get install maven)"
    if [[ -f "$JAR" ]]; then
        echo "Rebuilding $WHAT (sources changed)..." >&2
    else
        echo "Building $WHAT (first run, about a minute)..." >&2
    fi
    local log status
    log="$(mktemp "${TMPDIR:-/tmp}/prism-build.XXXXXX")"
    set +e
    (cd "$ROOT" && mvn -B -Dmaven.test.skip=true "${BUILD[@]}") 2>&1 | tee "$log" | show_progress
    status=${PIPESTATUS[0]}
    set -e
    if (( status != 0 )) || [[ ! -f "$JAR" ]]; then
        echo "Build failed:" >&2
        build_errors "$log" >&2
        echo "Full log: $log" >&2
        exit 1
    fi
    rm -f "$log"
    echo "Built $(basename "$JAR")" >&2
}
