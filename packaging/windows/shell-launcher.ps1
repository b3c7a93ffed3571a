<#
.SYNOPSIS
    Make the SMP kiosk the whole desktop of the Windows user "kiosk" (Shell Launcher), restarted whenever it exits.

.DESCRIPTION
    For Windows 10 or 11 Enterprise, Education or IoT Enterprise (Shell Launcher is not part of Home or Pro).
    Run it as an administrator in Windows PowerShell (not PowerShell 7: it uses the WMI [wmiclass] accelerator):

        powershell -ExecutionPolicy Bypass -File shell-launcher.ps1

    The first run turns the Windows feature "Shell Launcher" on; if Windows asks for a restart, restart and run
    the script again. Then, when "kiosk" signs in, Windows starts smp-kiosk.exe instead of Explorer (no taskbar,
    no Start menu), and starts it again whenever it exits or crashes. Every other user keeps the normal desktop.

    Undo with -Remove.

.PARAMETER KioskUser
    The local account that runs the kiosk (default: kiosk).

.PARAMETER Program
    The kiosk program (default: C:\Program Files\SMP Kiosk\smp-kiosk.exe).

.PARAMETER Remove
    Give the kiosk user the normal Explorer desktop again.
#>
[CmdletBinding()]
param(
    [string]$KioskUser = "kiosk",
    [string]$Program = "C:\Program Files\SMP Kiosk\smp-kiosk.exe",
    [switch]$Remove
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

# Shell Launcher's actions when the shell program exits.
$RestartShell = 0

$Feature = Get-WindowsOptionalFeature -Online -FeatureName "Client-EmbeddedShellLauncher"
if ($Feature.State -ne "Enabled") {
    Write-Host "Turning the Windows feature Shell Launcher on"
    $Result = Enable-WindowsOptionalFeature -Online -FeatureName "Client-EmbeddedShellLauncher" -NoRestart
    if ($Result.RestartNeeded) {
        Write-Host "Restart Windows, then run this script again."
        exit 0
    }
}

if (-not $Remove -and -not (Test-Path -LiteralPath $Program)) {
    throw "$Program does not exist: copy the kiosk folder there first (docs\install-windows.md)"
}

$Account = New-Object System.Security.Principal.NTAccount($KioskUser)
$Sid = $Account.Translate([System.Security.Principal.SecurityIdentifier]).Value
$ShellLauncher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"

if ($Remove) {
    $ShellLauncher.RemoveCustomShell($Sid) | Out-Null
    Write-Host "$KioskUser gets the normal desktop again at the next sign-in."
    exit 0
}

# Everyone else keeps Explorer; the kiosk user gets the kiosk, restarted whenever it exits.
$ShellLauncher.SetDefaultShell("explorer.exe", $RestartShell) | Out-Null
$ShellLauncher.SetCustomShell($Sid, "`"$Program`"", $null, $null, $RestartShell) | Out-Null
$ShellLauncher.SetEnabled($true) | Out-Null

Write-Host "Done: when $KioskUser signs in, the kiosk starts instead of the desktop."
$ShellLauncher.GetCustomShell($Sid) | Format-List Shell, DefaultAction
