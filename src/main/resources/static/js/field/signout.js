// Signing out of any page clears the field app's data on this phone (IndexedDB and the shell's cache); with changes
// not yet sent, the person is asked first, because they would be lost.
const NAME = 'khuyenhoc-field';

async function unsent() {
  if (!('indexedDB' in window) || !indexedDB.databases) return 0;
  const known = await indexedDB.databases();
  if (!known.some((d) => d.name === NAME)) return 0;
  return new Promise((resolve) => {
    const request = indexedDB.open(NAME);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('queue')) { db.close(); resolve(0); return; }
      const count = db.transaction('queue').objectStore('queue').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
      count.onerror = () => { db.close(); resolve(0); };
    };
    request.onerror = () => resolve(0);
  });
}

export async function clearPhone() {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  if ('caches' in window) {
    for (const key of await caches.keys()) await caches.delete(key);
  }
}

export async function confirmSignOut() {
  const count = await unsent();
  if (count > 0 && !window.confirm(`Còn ${count} thay đổi chưa gửi lên máy chủ. Đăng xuất bây giờ sẽ xóa chúng khỏi máy này. Vẫn đăng xuất?`)) {
    return false;
  }
  await clearPhone();
  return true;
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.action.endsWith('/logout') || form.dataset.cleared) return;
  event.preventDefault();
  if (await confirmSignOut()) {
    form.dataset.cleared = 'true';
    form.submit();
  }
});
