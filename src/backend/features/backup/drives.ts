import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupTarget } from '../../../shared/api/backup';

/** A mounted removable volume as the system reports it. */
export interface RemovableVolume {
  path: string;
  label: string;
}

interface LsblkDevice {
  name?: string;
  rm?: boolean | string | number;
  hotplug?: boolean | string | number;
  tran?: string | null;
  mountpoint?: string | null;
  mountpoints?: (string | null)[];
  label?: string | null;
  children?: LsblkDevice[];
}

const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';

/**
 * Mounted volumes of removable or hot-plugged (USB) devices from `lsblk -J -o NAME,RM,HOTPLUG,TRAN,MOUNTPOINTS,LABEL`
 * output. A partition inherits its disk's removability (lsblk marks the disk, the partition is what is mounted).
 */
export function parseLsblk(json: string): RemovableVolume[] {
  const found: RemovableVolume[] = [];
  const visit = (device: LsblkDevice, removableParent: boolean) => {
    const removable = removableParent || truthy(device.rm) || truthy(device.hotplug) || device.tran === 'usb';
    const mounts = [...(device.mountpoints ?? []), device.mountpoint ?? null].filter((mount): mount is string => !!mount && mount !== '[SWAP]');
    if (removable) for (const mount of new Set(mounts)) found.push({ path: mount, label: device.label || device.name || path.basename(mount) });
    for (const child of device.children ?? []) visit(child, removable);
  };
  try {
    const parsed = JSON.parse(json) as { blockdevices?: LsblkDevice[] };
    for (const device of parsed.blockdevices ?? []) visit(device, false);
  } catch {
    return [];
  }
  return found;
}

/** Removable drives (DriveType 2) from PowerShell's `Get-CimInstance Win32_LogicalDisk … | ConvertTo-Json`. */
export function parseWindowsDisks(json: string): RemovableVolume[] {
  try {
    const parsed = JSON.parse(json) as { DeviceID?: string; VolumeName?: string | null } | { DeviceID?: string; VolumeName?: string | null }[];
    const disks = Array.isArray(parsed) ? parsed : [parsed];
    return disks
      .filter((disk) => typeof disk.DeviceID === 'string' && /^[A-Z]:$/i.test(disk.DeviceID))
      .map((disk) => ({ path: `${disk.DeviceID}\\`, label: `${disk.VolumeName || '可移动磁盘'} (${disk.DeviceID})` }));
  } catch {
    return [];
  }
}

/** Folders under the desktop's automount roots (/media/<user>/<label>, /run/media/<user>/<label>). */
export function automountFolders(roots: readonly string[]): RemovableVolume[] {
  const found: RemovableVolume[] = [];
  for (const root of roots) {
    for (const user of safeList(root)) {
      const userDir = path.join(root, user);
      for (const volume of safeList(userDir)) found.push({ path: path.join(userDir, volume), label: volume });
    }
  }
  return found;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
  } catch {
    return null;
  }
}

/** The removable volumes mounted on this computer now (none when the system cannot tell). */
export function listRemovableVolumes(platform: NodeJS.Platform = process.platform): RemovableVolume[] {
  if (platform === 'win32') {
    const json = run('powershell.exe', [
      '-NoProfile',
      '-Command',
      "Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=2' | Select-Object DeviceID,VolumeName | ConvertTo-Json",
    ]);
    return json ? parseWindowsDisks(json) : [];
  }
  const volumes = [...automountFolders(['/media', '/run/media'])];
  const json = run('lsblk', ['-J', '-o', 'NAME,RM,HOTPLUG,TRAN,MOUNTPOINTS,LABEL']);
  if (json) volumes.push(...parseLsblk(json));
  const seen = new Set<string>();
  return volumes.filter((volume) => !seen.has(volume.path) && seen.add(volume.path) && fs.existsSync(volume.path));
}

/** Free and total bytes of the file system holding `folder`, or nulls when it cannot be read. */
export function diskSpace(folder: string): { freeBytes: number | null; totalBytes: number | null } {
  try {
    const stats = fs.statfsSync(folder);
    return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    return { freeBytes: null, totalBytes: null };
  }
}

/** Removable volumes as backup targets, with their free space. */
export function removableTargets(volumes: RemovableVolume[] = listRemovableVolumes()): BackupTarget[] {
  return volumes.map((volume) => ({ kind: 'removable', path: volume.path, label: volume.label, ...diskSpace(volume.path) }));
}
