-- GETs a random path from a file, one path per line; optional Cookie header.
--   wrk -s bench/wrk/paths.lua http://127.0.0.1:5099 -- paths.txt ["ciudad.session=..."]
local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if args[2] and #args[2] > 0 then wrk.headers["Cookie"] = args[2] end
  -- Each thread its own sequence: the table's address differs per Lua state.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
