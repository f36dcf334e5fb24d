/** Hands a file to the browser's (or Electron's) download: a Blob behind a temporary <a download>. */
export function saveFile(fileName: string, mimeType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on a later turn: the download has taken its own reference by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A picked file's bytes as base64, the form the API carries files in (both transports pass it unchanged). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL is "data:<type>;base64,<data>"; the browser encodes natively, far faster than btoa in a loop.
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取该文件'));
    reader.readAsDataURL(file);
  });
}

export { formatFileSize } from '../../shared/domain/fileSize';
