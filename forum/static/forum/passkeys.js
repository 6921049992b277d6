// Passkeys (forum/views/passkeys.py): adding one on the two-step sign-in page, and signing in
// with one after the password. The server's options are JSON with base64url strings; the
// browser's WebAuthn API takes and gives ArrayBuffers: this file turns one into the other, and
// shows what went wrong in the form's alert. Without WebAuthn the buttons stay hidden and the
// page's codes work as before.

const supported = "PublicKeyCredential" in window && navigator.credentials;

function bytes(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
}

function text(buffer) {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function descriptors(list) {
  return (list || []).map((item) => ({ ...item, id: bytes(item.id) }));
}

function credentialJSON(credential) {
  const response = credential.response;
  const answer = { clientDataJSON: text(response.clientDataJSON) };
  if (response.attestationObject) {
    answer.attestationObject = text(response.attestationObject);
    answer.transports = response.getTransports ? response.getTransports() : [];
  } else {
    answer.authenticatorData = text(response.authenticatorData);
    answer.signature = text(response.signature);
    if (response.userHandle) answer.userHandle = text(response.userHandle);
  }
  return JSON.stringify({
    id: credential.id,
    rawId: text(credential.rawId),
    type: credential.type,
    response: answer,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
  });
}

async function post(url, form, body) {
  const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRFToken": token, "Content-Type": "application/json" },
    body: body || "",
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || form.dataset.failed);
  return answer;
}

function say(form, message) {
  const alert = form.querySelector("[data-passkey-alert]");
  alert.textContent = message;
  alert.hidden = !message;
}

async function add(form) {
  const options = await post(form.dataset.optionsUrl, form);
  options.challenge = bytes(options.challenge);
  options.user.id = bytes(options.user.id);
  options.excludeCredentials = descriptors(options.excludeCredentials);
  const credential = await navigator.credentials.create({ publicKey: options });
  const name = encodeURIComponent(form.elements.name.value || "");
  await post(`${form.action}?name=${name}`, form, credentialJSON(credential));
  location.reload();
}

async function signIn(form) {
  const options = await post(form.dataset.optionsUrl, form);
  options.challenge = bytes(options.challenge);
  options.allowCredentials = descriptors(options.allowCredentials);
  const credential = await navigator.credentials.get({ publicKey: options });
  const answer = await post(form.action, form, credentialJSON(credential));
  location.assign(answer.next);
}

for (const form of document.querySelectorAll("form[data-passkey]")) {
  if (!supported) continue;
  form.hidden = false;
  const act = form.dataset.passkey === "add" ? add : signIn;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(form, "");
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      await act(form);
    } catch (error) {
      // NotAllowedError: the person cancelled, or the authenticator timed out.
      say(form, error.name === "NotAllowedError" ? form.dataset.cancelled : error.message);
    } finally {
      button.disabled = false;
    }
  });
}
for (const note of document.querySelectorAll("[data-passkey-unsupported]")) {
  note.hidden = Boolean(supported);
}
