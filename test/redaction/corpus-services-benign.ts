// Round 4 held-out BENIGN corpus for the optel Scrubber.
// Written without reading the redactor's source or its test corpora. Every line is ordinary
// telemetry text that must come out byte-identical. Shapes are modelled on the public sources cited
// above each group (values re-typed / varied, never copied wholesale). No e-mail addresses, phone
// numbers, public or private-range IPs (only loopback / 0.0.0.0), home directories, credentials,
// tokens, card numbers, national ids or IBANs.

export function serviceBenignLines(): string[] {
  const lines: string[] = [];
  const add = (...xs: string[]) => { for (const x of xs) lines.push(x); };

  // --- Prometheus text exposition: histogram buckets, counters, gauges -------------------------
  // https://prometheus.io/docs/instrumenting/exposition_formats
  // https://mail-archive.com/prometheus-users@googlegroups.com/msg01168.html
  add(
    'http_request_duration_seconds_bucket{le="0.05"} 24054',
    'http_request_duration_seconds_bucket{le="0.1"} 33444',
    'http_request_duration_seconds_bucket{le="0.25"} 100392',
    'http_request_duration_seconds_bucket{le="+Inf"} 144320',
    'http_request_duration_seconds_sum 53423.000417',
    'http_request_duration_seconds_count 144320',
    'latency_seconds_bucket{upstream="checkout",le="0.003"} 6',
    'rpc_duration_seconds{quantile="0.99"} 76656',
    'process_resident_memory_bytes 2.3855104e+07',
    'process_start_time_seconds 1.71265843291e+09',
    'go_memstats_heap_alloc_bytes 4.194304e+06',
    'node_filesystem_avail_bytes{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 1.0737418240e+11',
    'http_requests_total{method="POST",code="200",route="/api/v2/orders"} 1027 1395066363000',
    'session_active_count{region="eu-west-1"} 4821',
    'auth_attempts_total{outcome="failure",reason="expired"} 97',
    'token_refresh_latency_ms_bucket{le="250"} 18832',
  );

  // --- W3C trace context / OpenTelemetry ids -------------------------------------------------
  // https://w3.org/TR/trace-context ; https://docs.rs/api-bones/4.0.0/api_bones/traceparent/
  // https://gist.github.com/LucaFilipozzi/227e8e54cd4de561059e511a5947d57d
  add(
    'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    'tracestate: congo=t61rcWkgMzE,rojo=00f067aa0ba902b7',
    'span started trace_id=5b8efff798038103d269b633813fc60c span_id=eee19b7ec3c1b174 parent=0000000000000000',
    'span ended name=GET /health duration_ms=0.412 status=UNSET trace_flags=01',
    'exporter dropped 12 spans: queue full (max_queue_size=2048, max_export_batch_size=512)',
    'X-B3-TraceId: 80f198ee56343ba864fe8b2a57d3eff7 X-B3-SpanId: e457b5a2e4d86bd1 X-B3-Sampled: 1',
    'uber-trace-id: 6fd1d4c8a9e3b2f1:4a2b9c0d1e2f3a4b:0:1',
    'X-Amzn-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    'otel.status_code=ERROR otel.status_description="deadline exceeded after 30s"',
  );

  // --- UUIDs, ULIDs, KSUIDs, ObjectIds, Snowflakes ---------------------------------------------
  // https://raw.githubusercontent.com/ulid/spec/master/README.md
  // https://docs.deno.com/examples/ulid ; kong ULID schema (api-evangelist/kong json-schema/kong-ulid-schema.json)
  // https://github.com/segmentio/ksuid (via nharring/rksuid tests) ; ondh/ksuid README.md
  // https://www.mongodb.com/docs/v4.4/reference/method/ObjectId/
  add(
    'job 01ARZ3NDEKTSV4RRFFQ69G5FAV enqueued on queue=default',
    'event_id=01G65Z755AFWAKHE12NY0CQ9FH partition=7 offset=884213',
    'monotonic ids 000XAL6S41ACTAV9WEVGEMMVR8..000XAL6S41ACTAV9WEVGEMMVRA',
    'ksuid 0ujtsYcgvSTl8PAuAdqWYSMnLOv created 2017-10-09T21:00:47-07:00',
    'batch GcQhZ5uVHCOuh2zWBDUXPP937NK flushed (214 records)',
    'parsed ksuid 0pdbEZZEWoCXaegkF1IjoAmTOqf timestamp=94985761',
    'document _id: ObjectId("507f1f77bcf86cd799439011") updated',
    'upsert matched=1 modified=1 upsertedId=507f191e810c19729de860ea',
    'ObjectId("507c7f79bcf86cd7994f6c0e").getTimestamp() = 2012-10-15T21:26:17Z',
    'request_id=9f1c2b7e-3d4a-4c8b-a1e2-6f0d9b3c5a71 route=/v1/render status=200',
    'correlationId: c8a4e1f0-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    'uid: 22802fea-742f-48d6-9055-a6eb864e4a08 resourceVersion: "120652"',
    'uuid v7 0190163d-8694-739b-aea5-966c26f8ad91 sorted ok',
    'nil uuid 00000000-0000-0000-0000-000000000000 rejected as tenant id',
    'snowflake 1541815603606036480 -> worker 3 seq 0 ts 2022-06-28T16:07:40.105Z',
    'message 175928847299117063 edited in channel 41771983423143937',
    'tweet id 20 fetched, id_str="1212092628029698048"',
  );

  // --- Stripe-like object ids (identifiers, not keys) ------------------------------------------
  // https://gist.github.com/fnky/76f533366f75cf75802c8052b577e2a5 ("Stripe keys and IDs")
  // https://stripe.dev/stripe-java/com/stripe/model/Event.Request.html
  add(
    'charge ch_3MmlLrLkdIwHu7ix0snN0B15 succeeded amount=2000 currency=usd',
    'payment_intent pi_3MtwBwLkdIwHu7ix28a3tqPa requires_action',
    'customer cus_NffrFeUfNV2Hib subscription sub_1MowQVLkdIwHu7ixeRlqHVzs renewed',
    'invoice in_1MtHbELkdIwHu7ixl4OzzPMv finalized total=4999',
    'webhook evt_1NG8Du2eZvKYlo2CUI79vXWy type=invoice.paid delivered in 231ms',
    'Request-Id: req_7ZbF8h2VqS1xLm retry=0',
    'refund re_3MtwBwLkdIwHu7ix1WgNJHe0 status=pending',
    'price price_1MoBy5LkdIwHu7ixZhnattbh product prod_NWjs8kKbJWmuuc',
  );

  // --- Kubernetes / kubectl output ---------------------------------------------------------
  // https://gist.github.com/mhiro2/d8eca4023fbb60a7e1de11345f7bffff
  // https://pastebin.com/MZ9zwDwn ; https://pastebin.com/dDS1KLfA ; https://pastebin.com/dTsrf9Nc
  add(
    'NAME                              READY   STATUS    RESTARTS   AGE',
    'details-v1-7b97668445-7jjjl       2/2     Running   0          3m',
    'reviews-v3-6bc884b456-jfzsg       2/2     Running   0          3m',
    'calico-kube-controllers-64cc74d646-ltk8f   1/1   Running   2 (3m52s ago)   65m',
    'coredns-64897985d-ld7wp   1/1   Running   2 (3m47s ago)   65m',
    'deployment.apps/hello-minikube created',
    'replicaset.apps/hello-minikube-797f975945   1   1   1   8s',
    'service/kubernetes   ClusterIP   <none>   <none>   443/TCP   4d18h',
    'mountPath: /var/run/secrets/kubernetes.io/serviceaccount',
    'name: kube-api-access-qfmvq readOnly: true',
    'tolerationSeconds: 300 key: node.kubernetes.io/not-ready operator: Exists',
    'Warning  BackOff  2m (x14 over 5m)  kubelet  Back-off restarting failed container',
    'Normal   Pulled   41s   kubelet  Successfully pulled image "nginx:1.25.3" in 2.311s (2.311s including waiting)',
    'secret/db-credentials configured',
    'configmap/app-config unchanged',
    'Error from server (NotFound): secrets "tls-cert" not found',
    'pod/api-7d9f8c6b5-x2kqz condition met',
    'OOMKilled: container "worker" exceeded memory limit 512Mi (exit code 137)',
  );

  // --- Docker / registry / CI ------------------------------------------------------------
  // https://gitea.cncfstack.com/docker/docs/commit/0772f9077d7571bcdb81656d153df8a79774d81e
  // https://git.e-kacprzak.eu/public_git/kaniko/src/commit/fe47e3f15145e227e4cfc6ac966ff142cbc91024/pkg
  add(
    '#5 [build 3/7] RUN npm ci --omit=dev',
    '#5 DONE 41.2s',
    '#9 exporting layers 3.4s done',
    '#9 writing image sha256:3f1d2a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f done',
    'e9cbddad67: Layer already exists',
    '7a0437f04f83: Pushed',
    'latest: digest: sha256:2d93f0b9c4a1e57d8e3f6b2a9c0d1e4f7a8b5c6d3e2f1a0b9c8d7e6f5a4b3c2d size: 1573',
    'Status: Downloaded newer image for postgres:16.2-alpine3.19',
    'Successfully tagged registry.example.com/team/api:1.14.2-rc.3',
    'Container optel-collector-1  Started',
    'Step 4/11 : COPY --from=builder /app/dist /srv/app',
    ' ---> Using cache',
    ' ---> 5b2f7c1e9a44',
    'Run actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11',
    '##[group]Run npm test -- --reporter=dot',
    'Job "build (ubuntu-22.04, 20.x)" completed in 4m 12s',
    'Cache restored from key: Linux-node-modules-8f14e45fceea167a5a36dedd4bea2543',
    'Uploaded artifact coverage-report (1.2 MB, 341 files) id=1482910337',
    'Pipeline #1046813 passed for commit 3e5c7a9 on main',
  );

  // --- Git / commit SHAs / package integrity digests ---------------------------------------------
  // https://github.com/thi-ng/umbrella/commit/566846b7cfa735f15d07b25e4514fa3ee540adbf (socket.dev diff page)
  add(
    'commit 566846b7cfa735f15d07b25e4514fa3ee540adbf',
    'Merge pull request #16358 from docs/attestations',
    'HEAD is now at fe47e3f use the cachekey of the src stage rather than the digest',
    'built from git sha 36d77fbb0d8f1e60b1d1f639ff81183f26c19235 (dirty=false)',
    'integrity sha512-Xo2XOU7/cRpwY4GpCgVGNRV1HxmuPn9FiuBoxLp8uUYjBeV7Ar3nJ5cd8lWRyDn1pQHj1p9aGqrZf7rCWzP7bQ==',
    'resolved "https://registry.npmjs.org/ulid/-/ulid-2.3.0.tgz#93063522771a9774121a84d126ecd3eb9804071f"',
    'ETag: "33a64df551425fcc55e4d42a148795d9f25f89d4"',
    'ETag: W/"0815"',
    'If-None-Match: "bfc13a64729c4290ef5b2c2730249c88ca92d82d"',
    'Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==',
    'x-amz-request-id: 4442587FB7D0A2F9 x-amz-id-2: vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=',
    'object digest md5=9e107d9d372bb6826bd81d3542a419d6 sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
  );

  // --- Go runtime panics, JVM crash headers, native crash reports ------------------------------
  // https://github.com/golang/go/issues/63277 ; https://github.com/golang/go/issues/60783
  // https://docs.oracle.com/en/java/javase/17/troubleshoot/location-fatal-error-log.html
  // http://occs.cs.oberlin.edu/~rhoyle/17f-cs151/jdk1.8/docs/technotes/guides/troubleshoot/felog003.html
  add(
    'fatal error: unexpected signal during runtime execution',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x46e7f0]',
    'goroutine 1 [syscall]:',
    'runtime.throw({0x486e64?, 0x40bb79?})',
    '\t/usr/local/go/src/runtime/panic.go:992 +0x71 fp=0x7ffd80fa4310 sp=0x7ffd80fa42e0 pc=0x4339b1',
    'goroutine 284 [select (scan), 572 minutes]:',
    'panic: runtime error: index out of range [5] with length 3',
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '# A fatal error has been detected by the Java Runtime Environment:',
    '#  SIGSEGV (0xb) at pc=0x00007f3c2a1b4d7e, pid=21139, tid=140033425966848',
    '# JRE version: OpenJDK Runtime Environment Temurin-17.0.10+7 (17.0.10+7) (build 17.0.10+7)',
    '# Problematic frame:',
    '# C  [libNativeSEGV.so+0x9d7]',
    '# An error report file with more information is saved as: /var/log/java/hs_err_pid21139.log',
    'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
    '\tat com.example.cache.LruCache.put(LruCache.java:142)',
    'Caused by: java.net.SocketTimeoutException: Read timed out',
    'Process:               Helper [4821]',
    'Exception Type:        EXC_BAD_ACCESS (SIGSEGV)',
    'Exception Codes:       KERN_INVALID_ADDRESS at 0x0000000000000010',
    'Thread 0 Crashed:: Dispatch queue: com.apple.main-thread',
    '0   libsystem_kernel.dylib        0x00007ff81b2c1ffe __pthread_kill + 10',
    'Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0x5b9ef3a1',
    'Faulting module path: C:\\Windows\\System32\\ntdll.dll',
    'Unhandled exception at 0x00007FFB2C3D4E5F (ucrtbase.dll) in app.exe: 0xC0000409',
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3.11/asyncio/base_events.py", line 653, in run_until_complete',
    'KeyError: \'session_id\'',
    'TypeError: Cannot read properties of undefined (reading \'token\')',
    '    at Object.<anonymous> (/srv/app/dist/server.js:118:23)',
    'node[4123]: ../src/node_http_parser.cc:587: Assertion failed',
    'Segmentation fault (core dumped)',
    'Core was generated by `/usr/sbin/nginx -g daemon off;\'.',
  );

  // --- Hex dumps and memory addresses -------------------------------------------------------
  // https://github.com/golang/go/issues/48212 (runtime stack word dumps)
  add(
    '0x00007ffeefbff678:  0x01007ffeefbff698  0x0000000000000004',
    '0x0000700003715d98:  0x0000000005950d37  0x0000700003715de0',
    '00000000  7f 45 4c 46 02 01 01 00  00 00 00 00 00 00 00 00  |.ELF............|',
    '00000010  03 00 3e 00 01 00 00 00  40 10 00 00 00 00 00 00  |..>.....@.......|',
    '00000020  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|',
    'heap object at 0xc000196000 size 8192 span class 67',
    'mmap(NULL, 2097152, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f9c3e200000',
    'magic 0xCAFEBABE version 61.0 constant_pool_count 312',
    'checksum 0xDEADBEEF mismatch, expected 0x1BADB002',
    'CRC32 c4f5a6b7 ok, adler32 0x1a0b02c3',
  );

  // --- HTTP status lines / access logs (loopback only) -----------------------------------------
  // https://developer.mozilla.org/en-US/docs/Web/HTTP/Status ; nginx log_format docs
  add(
    'HTTP/1.1 200 OK',
    'HTTP/1.1 304 Not Modified',
    'HTTP/2 429 Too Many Requests retry-after: 120',
    'HTTP/1.1 401 Unauthorized WWW-Authenticate: Bearer realm="api", error="invalid_token"',
    'HTTP/1.1 403 Forbidden: missing scope orders:write',
    'HTTP/1.0 503 Service Unavailable',
    '127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.28"',
    '::1 - - [10/Oct/2023:13:55:37 +0000] "POST /v1/traces HTTP/1.1" 202 0 "-" "OTel-OTLP-Exporter-Go/1.21.0"',
    'GET /api/v1/products?page=3&per_page=50&sort=-created_at 200 18.4ms 12.1kB',
    'POST /oauth/token 400 invalid_grant 3ms',
    'PUT /api/users/{id}/password 204 41ms',
    'DELETE /api/sessions/current 204 2ms',
    'upstream timed out (110: Connection timed out) while reading response header from upstream, upstream: "http://127.0.0.1:8080/api/report"',
    'listening on 0.0.0.0:8443 (TLS 1.3, h2, http/1.1)',
    'listening on [::1]:9464 for Prometheus scrapes',
    'exposed ports: 80/tcp, 443/tcp, 4317/tcp, 4318/tcp, 9090/tcp, 16686/tcp',
    'port range 30000-32767 reserved for NodePort',
  );

  // --- URLs without credentials or personal data ---------------------------------------------
  // https://w3.org/TR/trace-context ; https://registry.npmjs.org ; https://github.com/segmentio/ksuid
  add(
    'fetching https://registry.npmjs.org/@opentelemetry%2fapi',
    'redirect 301 -> https://www.w3.org/TR/trace-context-1/',
    'webhook target https://hooks.example.com/services/build-status?channel=releases',
    'GET https://api.github.com/repos/segmentio/ksuid/releases/latest 200',
    'downloading https://dl.google.com/go/go1.22.1.linux-amd64.tar.gz (68.9 MB)',
    'OTLP endpoint http://localhost:4318/v1/metrics',
    'S3 PUT s3://build-artifacts/releases/v2.4.0/optel-2.4.0.tgz',
    'git clone https://github.com/open-telemetry/opentelemetry-js.git --depth=1',
    'jdbc:postgresql://localhost:5432/orders?sslmode=require&connectTimeout=10',
    'redis://127.0.0.1:6379/0 connected (pool size 16)',
    'amqp://localhost:5672/%2f channel 1 opened',
  );

  // --- File paths outside home directories ----------------------------------------------------
  add(
    'loaded config from /etc/optel/config.yaml',
    'writing pid 48213 to /var/run/optel.pid',
    'rotating /var/log/nginx/access.log.1 -> /var/log/nginx/access.log.2.gz',
    'open /proc/self/cgroup: no such file or directory',
    'C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe exited with 1',
    'C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\Service\\DetectionHistory',
    '/usr/lib/x86_64-linux-gnu/libssl.so.3: version `OPENSSL_3.0.9\' not found',
    '/opt/app/node_modules/.pnpm/undici@6.13.0/node_modules/undici/lib/core/connect.js:187',
    'certificate bundle /etc/ssl/certs/ca-certificates.crt (146 certs)',
    'mounted /dev/sdb1 on /mnt/data type xfs (rw,noatime)',
    'tmpfile /tmp/optel-export-8f3a2c.json removed',
  );

  // --- Timestamps in many formats, durations -------------------------------------------------
  // https://www.depesz.com/2011/05/06/understanding-postgresql-conf-log/
  add(
    'LOG:  database system was shut down at 2011-04-30 14:21:35 CEST',
    '2024-03-14T09:26:53.589793Z INFO worker started',
    '2024-03-14 09:26:53,589 WARN  [main] o.a.k.c.NetworkClient - Disconnected',
    'Thu, 14 Mar 2024 09:26:53 GMT',
    '14/Mar/2024:09:26:53 +0100',
    'Mar 14 09:26:53 ip-localhost systemd[1]: Started Daily apt download activities.',
    '20240314T092653Z',
    '1710408413 epoch seconds, 1710408413589 epoch ms, 1710408413589793000 epoch ns',
    '2024-W11-4 build window closed',
    '2024-074 (ordinal date) archive created',
    'elapsed 1h23m45.678s',
    'took 00:03:27.104',
    'P3DT4H12M retention period',
    'uptime 27 days, 3:14, load average: 0.08, 0.12, 0.09',
    'GC pause 12.7ms (young), 141.3ms (mixed), heap 512M->318M(1024M)',
    'duration: 1234.567 ms  statement: SELECT count(*) FROM events WHERE created_at > $1',
    'checkpoint complete: wrote 3317 buffers (20.2%); 0 WAL file(s) added, 0 removed, 2 recycled; write=269.9 s',
    'canceling statement due to statement timeout',
  );

  // --- Sizes, versions (incl. 4-part), build numbers -------------------------------------------
  add(
    'image size 142.7 MiB (compressed 48.1 MB)',
    'disk usage 83% (412G of 496G) on /var/lib/docker',
    'transferred 1,048,576 bytes in 0.84 s (1.19 MiB/s)',
    'Microsoft Windows [Version 10.0.19045.3803]',
    'Chrome/122.0.6261.94 Safari/537.36',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)',
    'Firefox 123.0.1 build 20240304104836',
    'kernel 6.5.0-1015-aws #15~22.04.1-Ubuntu SMP x86_64',
    'node v20.11.1 (V8 11.3.244.8-node.17) on linux-x64',
    'OpenSSL 3.0.2 15 Mar 2022 (Library: OpenSSL 3.0.2 15 Mar 2022)',
    'assembly version 4.7.3062.0 file version 4.8.9181.0',
    'app version 3.12.0 (build 20240311.4) channel=beta',
    'iOS 17.4.1 (21E237) iPhone15,2',
    'Android 14 build UQ1A.240205.004 sdk 34',
    'upgraded @opentelemetry/sdk-node 0.49.1 -> 0.50.0',
    'semver range ^1.2.3 || >=2.0.0-beta.4 <3',
    'glibc 2.35, musl 1.2.4, libstdc++ 12.3.0',
  );

  // --- Orders, invoices, ISBN/EAN, GPS, business numbers --------------------------------------
  add(
    'order #A-10293847 shipped via carrier DHL, 3 parcels',
    'invoice INV-2024-000417 issued, total EUR 1,249.00, due 2024-04-13',
    'PO 4500018231 line 00010 qty 24',
    'ISBN 978-0-596-51774-8 added to catalogue',
    'ISBN-10 0-13-110362-8 out of print',
    'EAN 4006381333931 scanned at till 7',
    'GTIN 00012345600012 mapped to SKU WID-BLU-XL',
    'UPC 036000291452 price lookup miss',
    'warehouse geo 52.520008, 13.404954 (Berlin Mitte) radius 5km',
    'lat=48.8584 lon=2.2945 accuracy=15m source=gps',
    'bbox -122.5247,37.7038,-122.3573,37.8324 tiles=64',
    'shipment tracking 1Z999AA10123456784 status IN_TRANSIT',
    'ticket JIRA-4821 moved to Done',
    'case 00031415 escalated to tier 2',
    'cart 8841 items=3 subtotal=59.97 tax=11.39 total=71.36',
    'SKU 100-2345-678 restocked (+120)',
  );

  // --- Sensitive words used WITHOUT values ---------------------------------------------------
  add(
    'password policy updated: min length 12, require symbol',
    'password reset requested; link expires in 30 minutes',
    'password strength: weak',
    'card declined: insufficient funds',
    'card expired; prompting customer to update payment method',
    'card_brand=visa card_country=DE three_d_secure=required',
    'email template rendered: welcome_v3 (locale=fr)',
    'email delivery deferred: mailbox full',
    'phone verification step skipped (feature flag off)',
    'phone number field left blank',
    'SSN field masked in UI per policy',
    'IBAN validation failed: wrong checksum',
    'token expired',
    'token refresh succeeded after 1 retry',
    'access token cache hit ratio 0.93',
    'secret rotated successfully (version 14)',
    'secret not found in vault path kv/data/app/config',
    'API key missing from request',
    'invalid API key format',
    'key rotation scheduled for 2024-05-01',
    'session expired, redirecting to /login',
    'session store: redis, ttl=3600s, rolling=true',
    'auth failed: invalid credentials',
    'credentials provider chain: env -> shared file -> instance metadata',
    'authorization header absent; falling back to anonymous',
    'Authorization: <redacted by client>',
    'private key file permissions too open (0644), expected 0600',
    'public key fingerprint unchanged',
    'passphrase prompt suppressed (non-interactive)',
    'OTP verification disabled for service accounts',
    'csrf token mismatch',
    'jwt: signature verification failed',
    'bearer scheme not supported by this endpoint',
    'cookie consent banner dismissed',
    'set-cookie attribute SameSite=Lax Secure HttpOnly',
    'keychain unlocked',
    'user_id missing in claims',
    'login rate limit reached (5 per 15 min)',
    'MFA enrollment completed',
  );

  // --- Config dumps with non-secret keys ----------------------------------------------------
  add(
    'timeout=30s read_timeout=15s write_timeout=15s idle_timeout=120s',
    'max_connections=100 shared_buffers=128MB work_mem=4MB',
    'keepalive_timeout 65; client_max_body_size 20m;',
    'OTEL_BSP_SCHEDULE_DELAY=5000 OTEL_BSP_MAX_QUEUE_SIZE=2048',
    'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
    'OTEL_RESOURCE_ATTRIBUTES=service.name=checkout,deployment.environment=staging',
    'feature_flags: {"new_checkout": true, "dark_mode": false, "beta_search": "10%"}',
    'retry.max_attempts=5 retry.backoff=exponential retry.jitter=0.2',
    'cache.ttl_seconds=600 cache.max_entries=10000 cache.key_prefix=optel:v2:',
    'pool.min=2 pool.max=20 pool.acquire_timeout_ms=3000',
    'token_bucket.capacity=100 token_bucket.refill_per_sec=10',
    'session_timeout_minutes=20 password_min_length=12 lockout_threshold=5',
    'api_key_header=X-API-Key auth_scheme=Bearer',
    'secret_store=aws-secrets-manager secret_refresh_interval=1h',
    'log_level=debug log_format=json sampling_ratio=0.25',
    'gomaxprocs=8 gogc=100 gomemlimit=1536MiB',
    'JAVA_OPTS=-Xms512m -Xmx2g -XX:+UseG1GC -XX:MaxGCPauseMillis=200',
    'ulimit -n 65536; vm.max_map_count=262144',
  );

  // --- SQL with placeholders -------------------------------------------------------------
  // https://file.keyi.win/artifacts/postgresql-skill-agent/.trae/skills/postgresql-log-analysis/references/postgresql-log-patterns.md
  add(
    'SELECT id, status FROM orders WHERE customer_id = $1 AND created_at > $2 LIMIT 50',
    'UPDATE users SET password_hash = ?, updated_at = NOW() WHERE id = ?',
    'INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    'DELETE FROM api_tokens WHERE expires_at < :cutoff',
    'SELECT email, phone FROM contacts WHERE tenant_id = @tenantId',
    'execute S_1: SELECT 1',
    'CREATE INDEX CONCURRENTLY idx_events_trace_id ON events (trace_id)',
    'ERROR:  duplicate key value violates unique constraint "users_email_key"',
    'ERROR:  relation "card_tokens" does not exist at character 15',
    'process 28814 still waiting for ShareLock on transaction 9311823 after 1000.043 ms',
    'temporary file: path "base/pgsql_tmp/pgsql_tmp28814.3", size 104857600',
    'automatic vacuum of table "app.public.events": index scans: 1 pages: 0 removed, 48213 remain',
  );

  // --- Non-English messages ---------------------------------------------------------------
  // https://cnblogs.com/suv789/p/18570780 ; https://mongodb.com/ko-kr/docs/manual/reference/object-id
  // https://docs.oracle.com/javase/jp/18/vm/error-reporting.html ; https://boohere.com/pt/detail/10478544.html
  add(
    'Verbindung zur Datenbank fehlgeschlagen: Zeitüberschreitung nach 30 Sekunden',
    'Passwort muss mindestens 12 Zeichen lang sein',
    'Bestellung 4711 wurde versandt',
    'La connexion a expiré, veuillez réessayer',
    'Mot de passe modifié avec succès',
    'Échec du paiement : carte refusée',
    'Error al procesar el pedido: stock insuficiente',
    'La sesión ha caducado',
    'Falha na autenticação: credenciais inválidas',
    'Camada já existe',
    'Сервис недоступен, повторите попытку позже',
    'Пароль успешно изменён',
    '致命的なエラーが発生しました (コード 0xC0000005)',
    'セッションの有効期限が切れました',
    '全局唯一性：ULID 生成的标识符具有足够的唯一性',
    '数据库连接超时，已重试 3 次',
    '새 ObjectId를 생성하려면 인수 없이 ObjectId()를 사용합니다',
    '비밀번호 정책이 업데이트되었습니다',
    'انتهت مهلة الاتصال بالخادم',
    'Sipariş 88213 iptal edildi',
    'Zamówienie zostało opłacone',
    'Il token è scaduto',
  );

  // --- Misc numbers-heavy service output ------------------------------------------------------
  add(
    'PID 1 (systemd) TID 48213 PPID 0 nice -5',
    'ps: 48213 48214 48220 48221 (4 workers)',
    'CPU 93.4% user 71.2% sys 22.2% iowait 0.3% steal 0.0%',
    'p50=12ms p90=48ms p99=231ms p99.9=1.04s max=3.2s n=1048576',
    'throughput 18,342 req/s, errors 0.03%, apdex 0.97',
    'rows scanned 4,294,967,296 returned 1,024',
    'offset 9223372036854775807 beyond log end',
    'int overflow: 2147483647 + 1',
    'float 3.141592653589793 rounded to 3.1416',
    'ratio 16:9 resolution 1920x1080@60Hz',
    'color #1e90ff rgba(30,144,255,0.8)',
    'DNS TTL 300 serial 2024031401 refresh 7200 retry 3600 expire 1209600',
    'kafka topic=orders partition=11 offset=38291044 lag=0',
    'shard 3/16 replica 2/3 ready',
    'seq 10001..10250 acked, window 256',
    'temp 71.5°C fan 2400 rpm voltage 1.21V',
    'battery 87% charging 15W',
    'bits 0b10110010 octal 0o755 hex 0x1F4',
    'mode 0755 uid 0 gid 0 inode 1835017',
    'build 8a3f2c1 #4821 on runner ci-linux-14',
  );

  // --- Base64 blobs that are not secrets -----------------------------------------------------
  add(
    'favicon data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
    'payload (base64) eyJldmVudCI6InBhZ2VfdmlldyIsInBhdGgiOiIvaG9tZSJ9 decoded 34 bytes',
    'Digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=',
    'Content-Security-Policy: script-src \'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8=\'',
    'Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
    'subresource integrity sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
  );

  return lines;
}
