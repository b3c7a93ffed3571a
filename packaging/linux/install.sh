#!/bin/sh
# Install or update the SMP check-in kiosk on Debian 12 (bookworm). Run as root, from this folder:
#
#   sudo sh install.sh /path/to/smp-kiosk          the bundle folder built by packaging/build_bundle.py
#   sudo sh install.sh /path/to/smp-kiosk.tar.gz   or the same folder packed with tar
#   sudo sh install.sh --rollback                  go back to the version installed before the last update
#
# It installs cage, CUPS and the libraries the bundle needs; creates the `kiosk` user; copies the bundle to
# /opt/smp-kiosk (keeping the previous one as /opt/smp-kiosk.previous); installs the service that logs
# `kiosk` in on tty1 and runs the kiosk under cage; turns screen blanking and sleep off. Running it again is
# safe: that is how you update. Site settings in /etc/smp-kiosk/environment are kept. See docs/install-linux.md.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
# For tests only: install below another root folder (systemctl --root), as another existing user.
ROOT=${SMP_KIOSK_INSTALL_ROOT:-}
KIOSK_USER=${SMP_KIOSK_INSTALL_USER:-kiosk}
APP_DIR=$ROOT/opt/smp-kiosk
DATA_DIR=$ROOT/var/lib/smp-kiosk
ETC=$ROOT/etc
UNIT=smp-kiosk.service
PACKAGES="cage xwayland cups cups-client dbus libegl1 libgl1 libgles2 libegl-mesa0 libgl1-mesa-dri
libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon0 libfontconfig1 libfreetype6
libdbus-1-3 libglib2.0-0 libpulse0 libdrm2 libxcb1 fonts-dejavu-core fonts-noto-core
speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pipewire-pulse wireplumber"

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

systemd_running() { [ -z "$ROOT" ] && [ -d /run/systemd/system ]; }
systemctl_offline() { if [ -n "$ROOT" ]; then systemctl --root="$ROOT" "$@"; else systemctl "$@"; fi; }

usage() {
    sed -n '2,11s/^# \{0,1\}//p' "$0"
    exit 2
}

check_environment() {
    [ "$(id -u)" -eq 0 ] || die "run me as root: sudo sh $0 $*"
    command -v apt-get >/dev/null 2>&1 || die "this script is for Debian 12 (apt-get not found)"
    for file in smp-kiosk.service smp-kiosk.pam environment logind-smp-kiosk.conf grub-smp-kiosk.cfg smp-kiosk-command; do
        [ -f "$HERE/$file" ] || die "$HERE/$file is missing: run me from the packaging/linux folder of the kiosk"
    done
}

# Unpack or locate the bundle; prints the folder that holds the smp-kiosk program.
find_bundle() {
    source=$1
    if [ -f "$source" ]; then
        mkdir -p "$ROOT/opt"
        unpacked=$(mktemp -d "$ROOT/opt/.smp-kiosk-unpack.XXXXXX")
        tar -xzf "$source" -C "$unpacked" || die "cannot unpack $source: is it a .tar.gz of the bundle?"
        program=$(find "$unpacked" -maxdepth 2 -type f -name smp-kiosk | head -n 1)
        [ -n "$program" ] || die "$source holds no smp-kiosk program: is it a .tar.gz of the bundle folder?"
        source=$(dirname "$program")
    fi
    if [ ! -x "$source/smp-kiosk" ] || [ ! -d "$source/_internal" ]; then
        die "$1 is not a kiosk bundle: expected the smp-kiosk folder with the smp-kiosk program and _internal/"
    fi
    printf '%s\n' "$source"
}

install_packages() {
    say "Installing system packages (cage, CUPS, graphics and font libraries, the reading-aloud voices)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086  # the list is split on purpose
    apt-get install -y -q --no-install-recommends $PACKAGES
}

create_user() {
    if id "$KIOSK_USER" >/dev/null 2>&1; then
        say "User $KIOSK_USER exists"
    else
        say "Creating the user $KIOSK_USER (no password, cannot log in by hand)"
        useradd --create-home --user-group --shell /usr/sbin/nologin --comment "SMP check-in kiosk" "$KIOSK_USER"
    fi
    install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m 0700 "$DATA_DIR"
}

install_bundle() {
    bundle=$1
    say "Copying the kiosk to $APP_DIR"
    mkdir -p "$(dirname "$APP_DIR")"
    rm -rf "$APP_DIR.new"
    cp -a "$bundle" "$APP_DIR.new"
    chown -R root:root "$APP_DIR.new"
    chmod -R u=rwX,go=rX "$APP_DIR.new"
    if ! "$APP_DIR.new/smp-kiosk" --version >/dev/null; then
        rm -rf "$APP_DIR.new"
        die "the new bundle does not start (smp-kiosk --version failed); the installed kiosk was not changed"
    fi
    stop_kiosk
    if [ -d "$APP_DIR" ]; then
        rm -rf "$APP_DIR.previous"
        mv "$APP_DIR" "$APP_DIR.previous"
    fi
    mv "$APP_DIR.new" "$APP_DIR"
}

rollback() {
    [ -d "$APP_DIR.previous" ] || die "there is no previous version in $APP_DIR.previous"
    say "Going back to the previous version"
    stop_kiosk
    rm -rf "$APP_DIR.failed"
    [ -d "$APP_DIR" ] && mv "$APP_DIR" "$APP_DIR.failed"
    mv "$APP_DIR.previous" "$APP_DIR"
    start_kiosk
    say "Done: $("$APP_DIR/smp-kiosk" --version) is running again (the other one is in $APP_DIR.failed)"
}

install_session() {
    say "Installing the kiosk session (service, PAM, no sleep, no screen blanking)"
    install -d -m 0755 "$ETC/systemd/system" "$ETC/pam.d" "$ETC/smp-kiosk" "$ETC/systemd/logind.conf.d" \
        "$ROOT/usr/local/bin"
    install -m 0644 "$HERE/smp-kiosk.service" "$ETC/systemd/system/$UNIT"
    install -m 0644 "$HERE/smp-kiosk.pam" "$ETC/pam.d/smp-kiosk"
    [ -f "$ETC/smp-kiosk/environment" ] || install -m 0644 "$HERE/environment" "$ETC/smp-kiosk/environment"
    install -m 0644 "$HERE/logind-smp-kiosk.conf" "$ETC/systemd/logind.conf.d/smp-kiosk.conf"
    install -m 0755 "$HERE/smp-kiosk-command" "$ROOT/usr/local/bin/smp-kiosk"
    if [ -f "$ETC/default/grub" ]; then
        install -d -m 0755 "$ETC/default/grub.d"
        install -m 0644 "$HERE/grub-smp-kiosk.cfg" "$ETC/default/grub.d/smp-kiosk.cfg"
        if [ -z "$ROOT" ] && command -v update-grub >/dev/null 2>&1; then update-grub; fi
    fi
    # Reading aloud: through PipeWire's PulseAudio service in the kiosk's session, or straight to ALSA without it.
    if [ -f "$ETC/speech-dispatcher/speechd.conf" ]; then
        sed -i 's/^# *AudioOutputMethod "pulse"$/AudioOutputMethod "pulse,alsa"/' "$ETC/speech-dispatcher/speechd.conf"
    fi
    if systemd_running; then
        systemctl daemon-reload
    fi
    systemctl_offline mask sleep.target suspend.target hibernate.target hybrid-sleep.target
    systemctl_offline set-default graphical.target
    systemctl_offline disable getty@tty1.service 2>/dev/null || true
    systemctl_offline enable "$UNIT"
}

stop_kiosk() {
    if systemd_running && systemctl is-active --quiet "$UNIT"; then
        systemctl stop "$UNIT"
    fi
}

start_kiosk() {
    if systemd_running; then
        systemctl restart "$UNIT"
    fi
}

main() {
    [ $# -eq 1 ] || usage
    case $1 in
        -h | --help) usage ;;
        --rollback) check_environment "$@"; rollback; exit 0 ;;
    esac
    check_environment "$@"
    first_install=yes
    [ -d "$APP_DIR" ] && first_install=no
    bundle=$(find_bundle "$1")
    install_packages
    create_user
    install_bundle "$bundle"
    install_session
    case $bundle in "$ROOT"/opt/.smp-kiosk-unpack.*) rm -rf "$(dirname "$bundle")" ;; esac
    if [ "$first_install" = yes ] || ! systemd_running; then
        say "Installed $("$APP_DIR/smp-kiosk" --version). Set the staff PIN: sudo smp-kiosk set-pin. Then reboot."
    else
        start_kiosk
        say "Updated to $("$APP_DIR/smp-kiosk" --version); the kiosk restarted (the old version is in $APP_DIR.previous)."
    fi
}

main "$@"
