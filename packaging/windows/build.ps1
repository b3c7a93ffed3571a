<#
.SYNOPSIS
    Build the SMP kiosk for Windows: a self-contained one-folder bundle, packed as a zip.

.DESCRIPTION
    Run it on a 64-bit Windows 10 or 11 computer with Python 3.11 or 3.12 (64-bit, from python.org, with the
    "py" launcher) and the kiosk's source folder, in Windows PowerShell:

        powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

    It creates the virtual environment .venv\ in the source folder and installs exactly the packages of uv.lock
    into it (the kiosk, PyInstaller and the rest, through packaging\bootstrap.py sync), compiles the translations
    and builds the bundle with the same recipe as on Linux
    (packaging\pyinstaller\smp-kiosk.spec), then makes a calendar with the bundled command line to check it.

    Result:
        dist\smp-kiosk\smp-kiosk.exe        the kiosk (no console window)
        dist\smp-kiosk\smp-kiosk-cli.exe    the same program with a console, for commands such as set-pin
        dist\smp-kiosk-windows.zip          the folder, packed, to copy to the kiosk tablet

    See docs\install-windows.md for installing it.

.PARAMETER PythonVersion
    The Python the "py" launcher should use to create .venv (default 3.11).
#>
[CmdletBinding()]
param(
    [string]$PythonVersion = "3.11"
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Venv = Join-Path $Root ".venv"
$Python = Join-Path $Venv "Scripts\python.exe"
$Bundle = Join-Path $Root "dist\smp-kiosk"
$Zip = Join-Path $Root "dist\smp-kiosk-windows.zip"

function Invoke-Checked {
    # Run a program and stop the build when it fails (PowerShell does not do that for programs by itself).
    param([Parameter(Mandatory = $true)][string]$Program, [string[]]$Arguments = @())
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Program $($Arguments -join ' ')' failed with exit code $LASTEXITCODE"
    }
}

Push-Location $Root
try {
    # The same locked set (uv.lock: versions and hashes) as the Linux bundle and the tests.
    Write-Host "Installing the locked dependencies (uv.lock) into .venv with Python $PythonVersion"
    Invoke-Checked "py" @("-$PythonVersion", "packaging\bootstrap.py", "sync")

    Write-Host "Building the bundle (a few minutes)"
    Invoke-Checked $Python @("packaging\build_bundle.py", "--dist", "dist", "--work", "build\pyinstaller")

    Write-Host "Checking the bundle: a calendar from its command line"
    $Check = Join-Path ([System.IO.Path]::GetTempPath()) "smp-kiosk-build-check.pdf"
    $env:SMP_KIOSK_DATA_DIR = Join-Path ([System.IO.Path]::GetTempPath()) "smp-kiosk-build-check"
    try {
        Invoke-Checked (Join-Path $Bundle "smp-kiosk-cli.exe") @(
            "calendar", "--name", "Build Check", "--session", (Get-Date -Format "yyyy-MM-dd"), "--out", $Check
        )
        $Header = [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($Check), 0, 5)
        if ($Header -ne "%PDF-") { throw "the bundled command line did not write a PDF" }
    }
    finally {
        Remove-Item -ErrorAction SilentlyContinue $Check
        Remove-Item -ErrorAction SilentlyContinue -Recurse $env:SMP_KIOSK_DATA_DIR
        Remove-Item Env:\SMP_KIOSK_DATA_DIR
    }

    if (Test-Path $Zip) { Remove-Item $Zip }
    Compress-Archive -Path $Bundle -DestinationPath $Zip
    Write-Host "Done: $Zip"
}
finally {
    Pop-Location
}
