-- wrk script for scripts/bench/run.sh: work-order cycles. Each wrk thread holds one connection and
-- is one dispatcher with an API token: it creates an order on a streetlight, dispatches it to a crew
-- and moves it to closed (new → dispatched → in_progress → completed → verified → closed), one
-- request after the other, then starts the next cycle. Prints one RESULT line: cycles per second and
-- the p50/p95/p99 of a whole cycle in ms, and of its single requests.
-- Usage: wrk -t N -c N -s wo_cycle.lua URL -- TOKEN LIGHT_IDS_FILE CREW_ID   (one connection per thread)
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

-- Main state: the threads, for done() to collect from.
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  threads[#threads + 1] = thread
end

-- Thread state (globals, so done() can read them through thread:get).
cycles = {}
failures = {}
local headers
local crew
local lights = {}
local next_light
local steps = {
  { path = "/dispatch", body = nil },
  { path = "/transitions", body = '{"to":"in_progress","note":"bench"}' },
  -- A finished repair names its quantity: one lamp.
  { path = "/transitions", body = '{"to":"completed","note":"bench","quantity":1,"quantityUnit":"盏"}' },
  { path = "/transitions", body = '{"to":"verified","note":"bench"}' },
  { path = "/transitions", body = '{"to":"closed","note":"bench"}' },
}
local step = 0 -- 0: create; 1..#steps: the steps of the order at order_path
local order_path
local cycle_started

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  for line in io.lines(args[2]) do
    if line ~= "" then lights[#lights + 1] = line end
  end
  crew = args[3]
  steps[1].body = '{"crewId":' .. crew .. ',"note":"bench"}'
  next_light = thread_number
end

function request()
  if step == 0 then
    cycle_started = now_ms()
    next_light = next_light % #lights + 1
    return wrk.format("POST", "/api/workorders", headers, '{"kind":"streetlight_repair","description":"bench cycle",'
      .. '"assetType":"streetlight","assetId":' .. lights[next_light] .. '}')
  end
  return wrk.format("POST", order_path .. steps[step].path, headers, steps[step].body)
end

function response(status, response_headers, body)
  if status >= 300 then -- counted and shown, never hidden; the next cycle starts afresh
    failures[#failures + 1] = status .. " " .. string.sub(body, 1, 300)
    step = 0
    return
  end
  if step == 0 then
    order_path = response_headers["Location"]
  end
  if step == #steps then
    cycles[#cycles + 1] = now_ms() - cycle_started
    step = 0
  else
    step = step + 1
  end
end

local function percentile(sorted, q)
  if #sorted == 0 then return 0 / 0 end
  return sorted[math.min(#sorted, math.floor(q / 100 * #sorted) + 1)]
end

function done(summary, latency, requests)
  local all, failed, first_failure = {}, 0, nil
  for _, thread in ipairs(threads) do
    for _, ms in ipairs(thread:get("cycles")) do all[#all + 1] = ms end
    local thread_failures = thread:get("failures")
    failed = failed + #thread_failures
    first_failure = first_failure or thread_failures[1]
  end
  table.sort(all)
  local errors = failed + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d step_p50=%.2f step_p95=%.2f\n",
    #all / (summary.duration / 1e6), percentile(all, 50), percentile(all, 95), percentile(all, 99), #all, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
  if first_failure then
    io.stderr:write("first failure: " .. first_failure .. "\n")
  end
end
