-- Sustained Open311 POSTs with an API key; every service_request_id acknowledged is written to
-- <prefix>-<thread>.txt so the script can check afterwards that each one is in the database.
--   wrk -s bench/wrk/post.lua http://127.0.0.1:5099 -- <api-key> <ids-file-prefix> [path]
-- The path defaults to /open311/v2/requests.json (the benchmark baseline's twin is /bench/baseline/requests.json).
local threads = {}
local counter = 1

function setup(thread)
  thread:set("thread_number", counter)
  threads[counter] = thread
  counter = counter + 1
end

-- A few common services with their required answer, at random points around central El Paso.
local kinds = {
  "service_code=pothole&attribute%5Bsize%5D=medium",
  "service_code=graffiti&attribute%5Bsurface%5D=wall",
  "service_code=missed-pickup&attribute%5Bcart%5D=trash",
}

function init(args)
  api_key = args[1]
  path = args[3] or "/open311/v2/requests.json"
  ids = io.open(args[2] .. "-" .. thread_number .. ".txt", "w")
  ids:setvbuf("line") -- wrk may exit without closing thread states
  acknowledged, refused = 0, 0
  math.randomseed(os.time() * 100 + thread_number)
end

function request()
  local lat = 31.70 + math.random() * 0.15
  local long = -106.55 + math.random() * 0.25
  local body = string.format("api_key=%s&%s&lat=%.6f&long=%.6f&description=Load+test+report+from+bench",
    api_key, kinds[math.random(#kinds)], lat, long)
  return wrk.format("POST", path,
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    for number in body:gmatch('"service_request_id"%s*:%s*"([^"]+)"') do
      ids:write(number, "\n")
      acknowledged = acknowledged + 1
    end
  else
    refused = refused + 1
    if refused <= 3 then io.stderr:write("refused ", status, ": ", body:sub(1, 200), "\n") end
  end
end

function done(summary, latency, requests)
  local total_ack, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_ack = total_ack + thread:get("acknowledged")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("acknowledged %d refused %d\n", total_ack, total_refused))
end
