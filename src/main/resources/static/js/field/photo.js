// A photo taken on the phone is made a JPEG of at most 1600 px on its longer side before it is queued: a few hundred
// KB instead of several MB to send over a weak signal.
export const MAX_SIDE = 1600;
// 0.7 keeps a phone photo of a page or a certificate legible at about half the bytes of 0.9
export const QUALITY = 0.7;

export async function downscale(file) {
  if (!file.type.startsWith('image/')) throw new Error('Hãy chọn một ảnh.');
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!blob) throw new Error('Không xử lý được ảnh này.');
  return { blob, width, height };
}
