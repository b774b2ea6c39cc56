#!/usr/bin/env python3
"""Signs the administrator in through the real pages, enrolling an authenticator (TOTP) on first
use exactly as a person would, and prints the session cookie for wrk:

    bench/staff-cookie.py http://127.0.0.1:5099 [key-file] [setup-link]   ->   ciudad.session=CfDJ8...

Outside Development the demo password is refused, so the load script runs
`ciudad create-admin --email admin@ciudad.example` and passes its one-time setup link: the first
run chooses the bench password on that page (as a new administrator would).

No bench-only way in: the staff queue is measured behind the same sign-in and MFA checks as in
production. The authenticator secret is kept in key-file so a second run can answer the code prompt.
Standard library only."""
import base64, hashlib, hmac, html, http.cookiejar, os, re, struct, sys, time, urllib.parse, urllib.request

EMAIL = "admin@ciudad.example"
base = sys.argv[1].rstrip("/")
key_file = sys.argv[2] if len(sys.argv) > 2 else None
setup_link = sys.argv[3] if len(sys.argv) > 3 else None
# The demo password works in Development only; a set-up administrator gets a throwaway bench password.
PASSWORD = "Bench-load-2026-only" if setup_link else "Ciudad-demo-2026"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def fetch(path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with opener.open(base + path if path.startswith("/") else path, data) as response:
        return response.geturl(), response.read().decode()


def form_with(page, marker):
    """The first visible form containing marker: its action and hidden fields (antiforgery token)."""
    for match in re.finditer(r"<form\b([^>]*)>(.*?)</form>", page, re.S):
        attributes, body = match.groups()
        if marker in body and " hidden" not in attributes:
            action = re.search(r'action="([^"]*)"', attributes)
            inputs = [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(r"<input\b[^>]*>", body)]
            fields = {html.unescape(i["name"]): html.unescape(i.get("value", "")) for i in inputs
                      if i.get("type") == "hidden" and "name" in i}
            return (html.unescape(action.group(1)) if action else None), fields
    raise SystemExit(f"no form with {marker!r} on the page")


def totp(secret):
    key = base64.b32decode(secret.upper().replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


if setup_link and not (key_file and os.path.exists(key_file)):
    # The link names the configured public address; the page is the same on the bench's port.
    link = urllib.parse.urlsplit(setup_link)
    url, page = fetch(link.path + "?" + link.query)
    action, fields = form_with(page, 'type="password"')
    fetch(action or url, {**fields, "Input.Email": EMAIL, "Input.Password": PASSWORD, "Input.ConfirmPassword": PASSWORD})

url, page = fetch("/Account/Login?returnUrl=%2FStaff")
action, fields = form_with(page, 'type="password"')
url, page = fetch(action or url, {**fields, "Input.Email": EMAIL, "Input.Password": PASSWORD})

if "LoginWith2fa" in url:
    secret = open(key_file).read().strip() if key_file else sys.exit("account has MFA; pass the key file")
    action, fields = form_with(page, "Code")
    name = re.search(r'name="([^"]*Code)"', page).group(1)
    url, page = fetch(action or url, {**fields, name: totp(secret)})
elif "TwoFactor" in url:
    secret = html.unescape(re.search(r'class="ciudad-shared-key"[^>]*>([^<]+)<', page).group(1)).strip()
    if key_file:
        open(key_file, "w").write(secret)
    action, fields = form_with(page, "Input.Code")
    url, page = fetch(action or url, {**fields, "Input.Code": totp(secret)})

url, page = fetch("/Staff")
if "/Account/" in url:
    raise SystemExit(f"not signed in as staff: ended on {url}")
print("; ".join(f"{c.name}={c.value}" for c in jar if c.name == "ciudad.session"))
