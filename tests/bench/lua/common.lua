-- Shared by the wrk scripts: counts responses per status in every thread and,
-- at the end, prints one line "BENCH_JSON {...}" that run.sh parses
-- (latencies in microseconds, as wrk measures them).

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_id", #threads)
end

statuses = {}

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

-- Seeds each thread's generator differently.
function seed_random()
    math.randomseed(os.time() * 100 + (thread_id or 0) * 7919)
    for _ = 1, 10 do math.random() end
end

function lines_of(path)
    local list = {}
    local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
    for line in file:lines() do
        if #line > 0 then table.insert(list, line) end
    end
    file:close()
    assert(#list > 0, "no lines in " .. path)
    return list
end

function split_commas(text)
    local list = {}
    for item in string.gmatch(text or "", "[^,]+") do table.insert(list, item) end
    return list
end

function done(summary, latency, requests)
    local merged = {}
    for _, thread in ipairs(threads) do
        local counts = thread:get("statuses") or {}
        for status, count in pairs(counts) do
            merged[status] = (merged[status] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(merged) do
        table.insert(parts, string.format('"%d":%d', status, count))
    end
    local e = summary.errors
    io.write(string.format(
        'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
        '"latency_us":{"mean":%.1f,"max":%d,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"p999":%d},' ..
        '"statuses":{%s}}\n',
        summary.requests, summary.duration, summary.bytes,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency.mean, latency.max,
        latency:percentile(50), latency:percentile(90), latency:percentile(95),
        latency:percentile(99), latency:percentile(99.9),
        table.concat(parts, ",")))
end
