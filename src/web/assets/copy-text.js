// "Salin teks" on the manual posting kit. Without JavaScript the button stays hidden and the
// text box is still there to select and copy by hand.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const box = document.getElementById(button.getAttribute('data-copy'));
  if (!box) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(box.value);
    } catch {
      box.select();
      document.execCommand('copy');
    }
    const done = button.getAttribute('data-copied');
    if (done) button.textContent = done;
  });
}
