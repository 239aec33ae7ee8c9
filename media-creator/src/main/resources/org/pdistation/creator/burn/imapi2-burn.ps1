# PDI Station: optical drive access through IMAPI2 (Windows Image Mastering API v2, part of Windows).
# Run by org.pdistation.creator.burn.ImapiBurner as
#   powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File imapi2-burn.ps1 -Action ACTION ...
# Every value (recorder id, image path) arrives as a parameter, never as code. Output is one record per line,
# fields separated by TAB, parsed by ImapiOutput:
#   DRIVE <recorder unique id> <vendor> <product> <volume paths, ';'-separated>
#   MEDIA <IMAPI_FORMAT2_DATA_MEDIA_STATE bits> <IMAPI_MEDIA_PHYSICAL_TYPE> <free sectors> <supported 0|1>
#   PROGRESS <IMAPI_FORMAT2_DATA_WRITE_ACTION> <sectors written> <sectors in total>
#   ERROR <HRESULT in hex> <message>
#   DONE
param(
    [Parameter(Mandatory = $true)][ValidateSet('list', 'status', 'burn', 'eject')][string]$Action,
    [string]$Recorder = '',
    [string]$Image = '',
    [int]$Speed = 0,
    [switch]$Eject,
    [switch]$Verify,
    [switch]$Simulate
)
$ErrorActionPreference = 'Stop'

function Write-Record([string[]]$Fields) {
    # A TAB or line break inside a value would break the record: replace them.
    $clean = $Fields | ForEach-Object { ($_ -replace "[`t`r`n]", ' ') }
    [Console]::Out.WriteLine(($clean -join "`t"))
    [Console]::Out.Flush()
}

function Open-Recorder([string]$Id) {
    $rec = New-Object -ComObject IMAPI2.MsftDiscRecorder2
    $rec.InitializeDiscRecorder($Id)
    return $rec
}

try {
    switch ($Action) {
        'list' {
            $master = New-Object -ComObject IMAPI2.MsftDiscMaster2
            if (-not $master.IsSupportedEnvironment) {
                Write-Record @('DONE')
                break
            }
            foreach ($id in $master) {
                $rec = Open-Recorder $id
                Write-Record @('DRIVE', $id, $rec.VendorId, $rec.ProductId, (@($rec.VolumePathNames) -join ';'))
            }
            Write-Record @('DONE')
        }
        'status' {
            $rec = Open-Recorder $Recorder
            $fmt = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
            $supported = $fmt.IsRecorderSupported($rec) -and $fmt.IsCurrentMediaSupported($rec)
            if (-not $supported) {
                Write-Record @('MEDIA', '0', '0', '-1', '0')
            } else {
                $fmt.Recorder = $rec
                Write-Record @('MEDIA', [string][int]$fmt.CurrentMediaStatus, [string][int]$fmt.CurrentPhysicalMediaType,
                        [string]$fmt.FreeSectorsOnMedia, '1')
            }
            Write-Record @('DONE')
        }
        'eject' {
            $rec = Open-Recorder $Recorder
            $rec.EjectMedia()
            Write-Record @('DONE')
        }
        'burn' {
            # IDiscFormat2Data::Write takes an IStream: SHCreateStreamOnFileEx (shlwapi) opens the image read-only.
            Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.ComTypes;
public static class PdiImageStream {
    [DllImport("shlwapi.dll", CharSet = CharSet.Unicode, PreserveSig = false)]
    private static extern void SHCreateStreamOnFileEx(string file, uint mode, uint attributes, bool create,
            IntPtr template, out IStream stream);
    public static IStream OpenRead(string path) {
        IStream s;
        // STGM_READ | STGM_SHARE_DENY_WRITE: nobody changes the image while it is burned
        SHCreateStreamOnFileEx(path, 0x00000000 | 0x00000020, 0, false, IntPtr.Zero, out s);
        return s;
    }
}
'@
            $rec = Open-Recorder $Recorder
            $rec.AcquireExclusiveAccess($true, 'PDI Station')
            try {
                $fmt = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
                $fmt.Recorder = $rec
                $fmt.ClientName = 'PDI Station'
                $fmt.ForceMediaToBeClosed = $true
                if ($Speed -gt 0) {
                    # SetWriteSpeed takes sectors per second: 1x CD = 75, 1x DVD = 675, 1x BD = 2195 sectors/s
                    $type = [int]$fmt.CurrentPhysicalMediaType
                    $perX = if ($type -ge 17) { 2195 } elseif ($type -ge 4) { 675 } else { 75 }
                    $fmt.SetWriteSpeed($Speed * $perX, $false)
                }
                if ($Verify) {
                    # IBurnVerification (Windows 7+): IMAPI_BURN_VERIFICATION_QUICK = 1
                    try { $fmt.BurnVerificationLevel = 1 } catch { }
                }
                if ($Simulate) {
                    throw [System.NotSupportedException]::new('IMAPI2 data burning has no simulation mode')
                }
                $null = Register-ObjectEvent -InputObject $fmt -EventName Update -SourceIdentifier PdiBurnUpdate -Action {
                    $p = $EventArgs
                    if ($null -eq $p) { $p = $Event.SourceArgs[1] }
                    $written = [long]$p.LastWrittenLba - [long]$p.StartLba
                    [Console]::Out.WriteLine("PROGRESS`t$([int]$p.CurrentAction)`t$written`t$([long]$p.SectorCount)")
                    [Console]::Out.Flush()
                }
                $stream = [PdiImageStream]::OpenRead($Image)
                $fmt.Write($stream)
                Unregister-Event -SourceIdentifier PdiBurnUpdate -ErrorAction SilentlyContinue
                Write-Record @('PROGRESS', '6', '0', '0')
            } finally {
                $rec.ReleaseExclusiveAccess()
            }
            if ($Eject) {
                $rec.EjectMedia()
            }
            Write-Record @('DONE')
        }
    }
    exit 0
} catch {
    $hr = $_.Exception.HResult
    Write-Record @('ERROR', ('0x{0:X8}' -f $hr), $_.Exception.Message)
    exit 1
}
