-- GETs a random path from a file, as a signed-in staff member whose browser keeps its cookie:
--   wrk -s bench/wrk/staff.lua http://127.0.0.1:5099 -- paths.txt "ciudad.session=..."
-- The app re-validates a session every minute and then sends a renewed cookie (Set-Cookie). A
-- browser stores it; a client that kept sending the first cookie would make every request after
-- the first minute re-validate (reload the user, roles and claims), which no real visitor does.
local paths = {}
local cookie

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  cookie = args[2]
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], { Cookie = cookie })
end

function response(status, headers, body)
  local renewed = headers["Set-Cookie"] and headers["Set-Cookie"]:match("(ciudad%.session=[^;]*)")
  if renewed then cookie = renewed end
end
