// Passkey ceremonies for the staff console. Only enhances: every page works without it, and a code always works.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function base64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function bytes(base64urlText) {
    var base64 = base64urlText.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      out[i] = binary.charCodeAt(i);
    }
    return out.buffer;
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: csrfHeaders(),
      body: body === undefined ? '{}' : JSON.stringify(body)
    });
  }

  function show(error, message) {
    error.textContent = message;
    error.hidden = false;
  }

  function creationOptions(json) {
    var options = Object.assign({}, json);
    options.challenge = bytes(json.challenge);
    options.user = Object.assign({}, json.user, { id: bytes(json.user.id) });
    options.excludeCredentials = (json.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
    return options;
  }

  function requestOptions(json) {
    var options = Object.assign({}, json);
    options.challenge = bytes(json.challenge);
    options.allowCredentials = (json.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
    return options;
  }

  var signIn = document.getElementById('passkey-sign-in');
  if (signIn) {
    signIn.hidden = false;
    document.getElementById('use-passkey').addEventListener('click', function () {
      var error = document.getElementById('passkey-error');
      error.hidden = true;
      post('/sign-in/passkey/options')
        .then(function (r) { return r.json(); })
        .then(function (json) { return navigator.credentials.get({ publicKey: requestOptions(json) }); })
        .then(function (credential) {
          return post('/sign-in/passkey', {
            id: credential.id,
            rawId: base64url(credential.rawId),
            type: credential.type,
            response: {
              authenticatorData: base64url(credential.response.authenticatorData),
              clientDataJSON: base64url(credential.response.clientDataJSON),
              signature: base64url(credential.response.signature),
              userHandle: credential.response.userHandle ? base64url(credential.response.userHandle) : null
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          });
        })
        .then(function (r) { return r.json(); })
        .then(function (result) {
          if (result.redirect) {
            window.location.assign(result.redirect);
          } else {
            show(error, result.error || signIn.dataset.refused);
          }
        })
        .catch(function () { show(error, signIn.dataset.unused); });
    });
  }

  var add = document.getElementById('passkey-add');
  if (add) {
    add.hidden = false;
    document.getElementById('add-passkey').addEventListener('click', function () {
      var error = document.getElementById('passkey-error');
      var label = document.getElementById('passkey-label').value.trim();
      error.hidden = true;
      if (!label) {
        show(error, add.dataset.unnamed);
        return;
      }
      post('/account/passkeys/options')
        .then(function (r) { return r.json(); })
        .then(function (json) { return navigator.credentials.create({ publicKey: creationOptions(json) }); })
        .then(function (credential) {
          return post('/account/passkeys', {
            credential: {
              id: credential.id,
              rawId: base64url(credential.rawId),
              type: credential.type,
              response: {
                attestationObject: base64url(credential.response.attestationObject),
                clientDataJSON: base64url(credential.response.clientDataJSON),
                transports: credential.response.getTransports ? credential.response.getTransports() : []
              },
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            },
            label: label
          });
        })
        .then(function (r) { return r.json(); })
        .then(function (result) {
          if (result.redirect) {
            window.location.assign(result.redirect);
          } else {
            show(error, result.error);
          }
        })
        .catch(function () { show(error, add.dataset.failed); });
    });
  }
})();
