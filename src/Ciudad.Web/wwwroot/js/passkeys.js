// Passkeys (WebAuthn): only this needs JavaScript. Forms marked data-passkey stay hidden (and a note
// explains why) unless the browser can make and use passkeys; password sign-in never depends on it.
(function () {
  "use strict";

  var supported = typeof window.PublicKeyCredential === "function" &&
    !!navigator.credentials && typeof navigator.credentials.create === "function" &&
    typeof window.fetch === "function";
  if (!supported) {
    return;
  }

  function fromBase64Url(value) {
    var base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    var padded = base64 + "===".slice((base64.length + 3) % 4);
    var binary = atob(padded);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // Browsers with the WebAuthn JSON helpers use them; older ones get the same conversion by hand.
  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function") {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    json.challenge = fromBase64Url(json.challenge);
    json.user.id = fromBase64Url(json.user.id);
    (json.excludeCredentials || []).forEach(function (c) { c.id = fromBase64Url(c.id); });
    return json;
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function") {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    json.challenge = fromBase64Url(json.challenge);
    (json.allowCredentials || []).forEach(function (c) { c.id = fromBase64Url(c.id); });
    return json;
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === "function") {
      return JSON.stringify(credential);
    }
    var response = credential.response;
    var encoded = {};
    ["clientDataJSON", "attestationObject", "authenticatorData", "signature", "userHandle"].forEach(function (name) {
      if (response[name]) {
        encoded[name] = toBase64Url(response[name]);
      }
    });
    if (typeof response.getTransports === "function") {
      encoded.transports = response.getTransports();
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      response: encoded,
      clientExtensionResults: credential.getClientExtensionResults()
    });
  }

  function fetchOptions(form) {
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    return fetch(form.getAttribute("data-options-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "RequestVerificationToken": token ? token.value : "" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("options " + response.status);
      }
      return response.json();
    });
  }

  function showError(form, error) {
    var box = form.querySelector(".ciudad-passkey-error");
    if (!box || (error && error.name === "AbortError")) {
      return;
    }
    box.textContent = form.getAttribute("data-error");
    box.hidden = false;
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    var operation = form.getAttribute("data-passkey");
    var field = form.querySelector(operation === "create" ? "input[name='Input.CredentialJson']" : "input[name=credentialJson]");
    var note = form.parentNode.querySelector(".ciudad-passkey-unsupported");
    form.hidden = false;
    if (note) {
      note.hidden = true;
    }

    form.addEventListener("submit", function (event) {
      if (field.value) {
        return; // the credential is in: let the form post
      }
      if (operation === "create") {
        var name = form.querySelector("input[name='Input.Name']");
        if (name && !name.value.trim()) {
          return; // the server answers with the usual error summary
        }
      }
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      fetchOptions(form)
        .then(function (json) {
          return operation === "create"
            ? navigator.credentials.create({ publicKey: creationOptions(json) })
            : navigator.credentials.get({ publicKey: requestOptions(json) });
        })
        .then(function (credential) {
          field.value = credentialJson(credential);
          form.submit();
        })
        .catch(function (error) {
          button.disabled = false;
          showError(form, error);
        });
    });
  });
})();
