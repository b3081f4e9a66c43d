// Benign corpus 3: mobile, desktop, CI, IaC and non-English telemetry lines.
//
// Written without reading the redactor's source, tests, dist JS, or earlier
// held-out rounds. Every group below names the public material it was modelled
// on (repository + file, issue/PR thread, or documentation URL). Fixed message
// texts are kept as the programs print them; personal data that appeared in the
// originals (user names, host names, public or private IPs, user ids, home
// directories) was replaced with neutral values, and most commit SHAs / UUIDs /
// digests were regenerated locally (random, not taken from any real system).
//
// Rules followed: no e-mail addresses, phone numbers, public IPs (only
// 127.0.0.1 / ::1 / 0.0.0.0 / [::]), home directories, credentials, tokens,
// passwords, API keys, card numbers, national ids or IBANs. High-entropy
// NON-secrets (commit SHAs, digests, UUIDs, trace ids, request ids, ETags,
// build ids, labelled nonces, content-addressed paths) are included on purpose.

const BT = '`';

function lines(block: string): string[] {
  return block
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim().length > 0);
}

const groups: string[][] = [];

// ---------------------------------------------------------------------------
// Android logcat — ActivityManager / Choreographer / ART GC / chatty.
// Sources: https://www.itread01.com/content/1549221514.html (adb logcat -v time -s ActivityManager);
//          https://blog.51cto.com/u_12226/11494474 (ActivityManager "Start proc" / "START u0");
//          googlevr/gvr-unity-sdk issue #96 (D/Unity platform assembly lines);
//          AOSP frameworks/base core/java/android/view/Choreographer.java ("Skipped N frames!" text,
//          seen verbatim in thaliproject logs via the code index).
groups.push(lines(String.raw`
07-01 08:35:20.039 V/ActivityManager( 844): Broadcast sticky: Intent { act=android.intent.action.BATTERY_CHANGED flg=0x60000010 (has extras) } ordered=false userid=-1 callerApp=null
07-01 08:35:28.647 V/ActivityManager( 844): stopService: Intent { cmp=com.example.facewake/.FaceWakeService } type=null
07-01 08:35:28.647 V/ActivityManager( 844): retrieveServiceLocked: Intent { cmp=com.example.facewake/.FaceWakeService } type=null callingUid=1000
07-01 08:35:28.710 V/ActivityManager( 844): Starting activity when config will change = false
07-01 08:35:28.708 I/ActivityManager( 844): at android.os.Binder.execTransact(Binder.java:404)
I/ActivityManager: START u0 {act=android.media.action.STILL_IMAGE_CAMERA flg=0x80000 cmp=com.example.camera3/.CameraEntry (has extras)} from uid 10020 pid 26314
I/ActivityManager: Start proc 23009:com.example.albumgp/u0a20 for activity com.example.albumgp/com.example.album.AlbumMain
I/ActivityManager: Start proc 23024:com.example.tuning/u0a77 for broadcast com.example.tuning/.receiver.GameTuningReceiver
D/Unity   ( 8046): Platform assembly: /data/app/com.example.trailer-2/base.apk/assets/bin/Data/Managed/UnityEngine.UI.dll (this message is harmless)
D/Unity   ( 8046): Loading /data/app/com.example.trailer-2/base.apk/assets/bin/Data/Managed/System.Core.dll into Unity Child Domain
I/Choreographer( 3245): Skipped 130 frames!  The application may be doing too much work on its main thread.
12-03 14:22:07.118  1783  2011 I chatty  : uid=1000(system) Binder:1783_5 expire 12 lines
I/art     ( 9121): Background sticky concurrent mark sweep GC freed 15233(1071KB) AllocSpace objects, 3(60KB) LOS objects, 23% free, 7MB/9MB, paused 5.162ms total 31.475ms
W/ActivityManager(  502):   Force finishing activity 1 com.example.app/.ui.MainActivity
09-14 16:02:11.455 31022 31022 D ConnectivityManager: requestNetwork; CallingUid : 10231, CallingPid : 31022
09-14 16:02:11.902 31022 31077 I OkHttp  : <-- 200 https://api.example.com/v2/catalog?page=3 (412ms, 18734-byte body)
09-14 16:02:12.004 31022 31022 D SessionManager: session restored from disk, no credential prompt required
`));

// ---------------------------------------------------------------------------
// Android native crash (tombstone / xCrash / debuggerd) — register and backtrace dumps.
// Sources: frida/frida issue #155 and frida/frida-core issue #81 (I/DEBUG tombstone);
//          iqiyi/xCrash issue #53 (arm64 x0..x28 register dump, ABI list);
//          libretro/mupen64plus-libretro-nx issue #519 (BuildId backtrace);
//          Perfare/Zygisk-Il2CppDumper issue #9 ("code around pc" hex dump).
groups.push(lines(String.raw`
F/libc    ( 5061): Fatal signal 11 (SIGSEGV), code 1, fault addr 0x30 in tid 5637 (Thread-329)
I/DEBUG   (  119): *** *** *** *** *** *** *** *** *** *** *** *** *** *** *** ***
I/DEBUG   (  119): Build fingerprint: 'google/nakasig/tilapia:5.1.1/LMY47V/1836172:user/release-keys'
I/DEBUG   (  119): Revision: '0'
I/DEBUG   (  119): ABI: 'arm'
I/DEBUG   (  119): signal 11 (SIGSEGV), code 1 (SEGV_MAPERR), fault addr 0x30
I/DEBUG   (  119):     r0 422c5ee0  r1 4233a780  r2 4233a780  r3 422ea400
I/DEBUG   (  119):     r4 4241aa60  r5 6c06c9b8  r6 00000000  r7 0b8e0000
I/DEBUG   (  119):     ip 00000001  sp 6c06c970  lr 42110a2b  pc 41f71818  cpsr 20000030
I/DEBUG   (  119):     #00 pc 000e1818  /system/lib/libart.so
I/DEBUG   (  119):     #01 pc 00280a27  /system/lib/libart.so (artQuickGenericJniTrampoline+34)
I/DEBUG   (  119): Tombstone written to: /data/tombstones/tombstone_07
ABI list: 'arm64-v8a,armeabi-v7a,armeabi'
signal 6 (SIGABRT), code -6 (SI_TKILL), fault addr --------
    x0  0000000000000000  x1  0000000000007ea2  x2  0000000000000006  x3  00000070c0e62080
    x12 fffffff0fffffbdf  x13 000000711b97d740  x14 0000000000000001  x15 404511a01c84f6c1
    x24 000000712c5f749e  x25 0000000000000001  x26 000000712cbf7258  x27 00000071b225c880
d0 723a4c415441465b d1 5f656372756f7365
      #24 pc 00000000000c37b4  /apex/com.android.runtime/lib64/bionic/libc.so (__pthread_start(void*)+208) (BuildId: 37f537c2ba9dcbb262a0a68f41a21da4)
      #25 pc 000000000005d084  /apex/com.android.runtime/lib64/bionic/libc.so (__start_thread+68) (BuildId: 37f537c2ba9dcbb262a0a68f41a21da4)
  #00  pc 00000000004b267c  /apex/com.android.runtime/lib64/libart.so (art::Runtime::Abort(char const*)+2268)
2020-08-11 13:56:14.655 4318-4325/? E/CRASH: code around pc:
2020-08-11 13:56:14.655 4318-4325/? E/CRASH:     c84dae10 e1a07002 e1a04005 e5b4001c e3500000  .p...@........P.
2020-08-11 13:56:14.654 4318-4325/? E/CRASH:     800000b0 ffffffff ffffffff ffffffff ffffffff  ................
`));

// ---------------------------------------------------------------------------
// iOS / macOS unified logging (os_log, libnetwork) and crash-report headers.
// Sources: react/react-native issue #10396 (nw_* connection logs);
//          mapbox/mapbox-gl-native PR #6382 (subsystem/category spew);
//          pusher/NWWebSocket issue #42; fpillet/NSLogger issue #276;
//          googlearchive/android-play-places issue #74, airsdk/Adobe-Runtime-Support issue #2993,
//          wallabag/ios-app-v1 issue #26, NativeScript/ios issue #182, adjust/ios_sdk issue #480 (crash reports).
groups.push(lines(String.raw`
2016-10-17 09:11:08.217638 SolveApp[15547:200601] [] nw_socket_handle_socket_event Event mask: 0x800
2016-10-17 09:11:08.217863 SolveApp[15547:200601] [] nw_socket_handle_socket_event Socket received CONNECTED event
2016-10-17 09:11:08.218093 SolveApp[15547:200601] [] nw_socket_setup_notsent_lowat Set TCP_NOTSENT_LOWAT(16384)
2016-09-19 13:25:43.354235 Mapbox GL[20870:4777188] subsystem: com.apple.UIKit, category: HIDEventFiltered, enable_level: 0, persist_level: 0, default_ttl: 0, info_ttl: 0, debug_ttl: 0, generate_symptoms: 0, enable_oversize: 1, privacy_setting: 2, enable_private_data: 0
2016-09-19 13:25:43.442904 Mapbox GL[20870:4777202] subsystem: com.apple.libsqlite3, category: logging, enable_level: 0, persist_level: 0, default_ttl: 0
2023-06-23 02:27:32.386053+0400 ListsApp[98466:13695741] [connection] nw_socket_handle_socket_event [C1.1.2:2] Socket SO_ERROR [61: Connection refused]
2023-06-23 02:27:32.386121+0400 ListsApp[98466:13695741] [] __nwlog_err_simulate_crash simulate crash already simulated "nw_protocol_default_input_finished called with null protocol->default_input_handler"
        [arm64] libnetcore-3100.120.5
    0   Network                             0x00000001978e18d4 __nw_create_backtrace_string + 192
    4   Network                             0x000000019742328c nw_framer_protocol_input_available + 124
2019-01-29 04:38:11.765975-0800 NSLoggerMacClientTest[1291:46792] [] -[NWConcrete_nw_endpoint port] incorrect endpoint type 3
Incident Identifier: 5E3C241E-A4E7-44EC-810D-2C7F07BA2EFD
Hardware Model:      iPhone13,2
Code Type:           ARM-64 (Native)
Role:                Foreground
Parent Process:      launchd [1]
Date/Time:           2024-01-12 22:42:20.4618 +0530
Launch Time:         2024-01-12 22:15:00.7267 +0530
OS Version:          iPhone OS 17.1.2 (21B101)
Baseband Version:    4.06.02
Exception Type:  EXC_BAD_ACCESS (SIGSEGV)
Exception Subtype: KERN_INVALID_ADDRESS at 0x0000000000000010
Exception Codes: 0x0000000000000001, 0x0000000000000000
VM Region Info: 0 is not in any region.  Bytes before following region: 4302438400
      __TEXT                   100720000-101a64000 [ 19.3M] r-x/r-x SM=COW
Thread 0 name:  Dispatch queue: com.apple.main-thread
Thread 0 Crashed:
0   libobjc.A.dylib               	0x000000018f6dc1d0 objc_msgSend + 16
6   Foundation                    	0x0000000183d3c2cc __NSFireDelayedPerform + 388
Thread 0 crashed with ARM Thread State (64-bit):
    x0: 0x0000000010004005   x1: 0x0000000007000806   x2: 0x0000000000000000   x3: 0x0000000000000c00
   x28: 0x0000000000000001   fp: 0x000000016fdeab70   lr: 0x0000000196514cf8
    sp: 0x000000016fdeab20   pc: 0x0000000196514e7c cpsr: 0x60000000
   far: 0x0000000173c20fe8  esr: 0x92000006 (Data Abort) byte read Translation fault
       0x1ae554000 -        0x1ae55afff libsystem_platform.dylib (*) <299cc8b2-1c53-3a03-988f-07a744190d83> /usr/lib/system/libsystem_platform.dylib
Shared Cache:     0322EB36-BB97-3B93-8ADA-996C3CC98BD6 slid base address 0x1ac3e0000, slide 0x2c3e0000
Architecture:     arm64e
`));

// ---------------------------------------------------------------------------
// Browser console (Chrome DevTools) and HAR fragments.
// Sources: realm/realm-studio issue #259 ([Violation] handler took N ms, React DevTools hint);
//          nglviewer/ngl issue #399; react/react issue #23286 and #20075 (DevTools source maps);
//          campbes/harpy src/test/resources/googleHar.js (HAR entries/headers/timings);
//          HAR 1.2 spec http://www.softwareishard.com/blog/har-12-spec/ ;
//          WPO-Foundation/webpagetest www/harTiming.inc (timing phases).
groups.push(lines(String.raw`
[Violation] 'requestAnimationFrame' handler took 74ms
[Violation] 'setTimeout' handler took 53ms
[Violation] 'click' handler took 162ms
[Violation] Forced reflow while executing JavaScript took 41ms
[Violation] Added non-passive event listener to a scroll-blocking 'touchstart' event. Consider marking event handler as 'passive' to make the page more responsive.
DevTools failed to load source map: Could not load content for chrome-extension://fmkadmapgofadopljbjfkapdkoienihi/build/react_devtools_backend.js.map: HTTP error: status code 404, net::ERR_UNKNOWN_URL_SCHEME
Download the React DevTools for a better development experience: https://reactjs.org/link/react-devtools
GET https://cdn.example.com/static/js/main.8f2c1a7b.chunk.js net::ERR_ABORTED 404 (Not Found)
Uncaught (in promise) DOMException: The play() request was interrupted by a call to pause().
Refused to execute inline script because it violates the following Content Security Policy directive: "script-src 'self' 'nonce-peYtJjQ7W-IZP8tnd6vLig'".
Failed to find a valid digest in the 'integrity' attribute for resource 'https://cdn.example.com/lib/app.js' with computed SHA-256 integrity 'TtFshWXy68EHo13VwsqPRZDbjI8aJaqOJWE8MtMPDnQ='. The resource has been blocked.
Access to fetch at 'https://api.example.com/v1/me' from origin 'http://127.0.0.1:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.
{"startedDateTime": "2013-10-28T15:16:40.972Z", "time": 238, "request": {"method": "GET", "url": "http://www.example.co.uk/", "httpVersion": "HTTP/1.1", "headersSize": -1, "bodySize": -1}}
{"name": "Accept", "value": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
{"name": "User-Agent", "value": "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534.34 (KHTML, like Gecko) PhantomJS/1.9.2 Safari/534.34"}
{"name": "Date", "value": "Mon, 28 Oct 2013 15:16:43 GMT"}
{"name": "etag", "value": "W/\"5e3c-eAd1484wNV07uAz/qDCmthz/Rr7W0IeSf7tlRnP5oY4\""}
{"name": "x-request-id", "value": "840240a2-cc3c-4512-bbc8-049bc633c41c"}
{"name": "cf-cache-status", "value": "HIT"}
"timings": {"blocked": 0.84, "dns": -1, "connect": -1, "ssl": -1, "send": 0.21, "wait": 112.6, "receive": 3.05, "_blocked_queueing": 0.52}
"pageTimings": {"onContentLoad": 412.7, "onLoad": 778}
"content": {"size": 120934, "compression": 81234, "mimeType": "text/html; charset=UTF-8"}
"serverIPAddress": "127.0.0.1", "_transferSize": 48213, "connection": "443", "_priority": "VeryHigh"
"creator": {"name": "WebInspector", "version": "537.36"}, "browser": {"name": "Chrome", "version": "124.0.6367.91"}
`));

// ---------------------------------------------------------------------------
// Electron / Chromium desktop logs and electron-updater.
// Sources: electron/electron issues #33636, #32317, #33917, #30806; tmb5cg/Fifa-Autobidder issue #13;
//          electron-userland/electron-builder packages/electron-updater/src/AppUpdater.ts
//          ("Update for version ... is not available (latest version: ..., downgrade is ...)").
groups.push(lines(String.raw`
[3608:0411/111042.536:ERROR:gpu_init.cc(446)] Passthrough is not supported, GL is disabled, ANGLE is
[10352:20292:0426/164108.200:ERROR:gpu_init.cc(426)] Passthrough is not supported, GL is disabled
[4772:0204/112540.163:ERROR:gpu_process_host.cc(962)] GPU process launch failed: error_code=2
[4772:0204/112540.163:WARNING:gpu_process_host.cc(1274)] The GPU process has crashed 1 time(s)
[7776:0426/021213.441:ERROR:command_buffer_proxy_impl.cc(125)] ContextResult::kTransientFailure: Failed to send GpuControl.CreateCommandBuffer.
[18204:0913/150412.771:INFO:CONSOLE(1)] "Renderer ready in 412 ms", source: file:///opt/ExampleApp/resources/app.asar/dist/index.html (1)
[18204:0913/150413.002:WARNING:dns_config_service_linux.cc(427)] Failed to read DnsConfig.
[18204:0913/150413.119:ERROR:bus.cc(407)] Failed to connect to the bus: Could not parse server address: Unknown address type (examples of valid types are "tcp" and on UNIX "unix")
(node:13640) electron: The default of nativeWindowOpen is deprecated and will be changing from false to true in Electron 15.  See https://github.com/electron/electron/issues/28511 for more information.
[2024-05-11 09:14:03.412] [info]  App starting... v3.8.1 (electron 28.2.1, chrome 120.0.6099.291, node 18.18.2)
[2024-05-11 09:14:05.017] [info]  Checking for update
[2024-05-11 09:14:05.811] [info]  Update for version 3.8.1 is not available (latest version: 3.8.1, downgrade is disallowed).
12:48:10.317 › checkForUpdatesAndNotify called, downloadPromise is null
[2024-05-11 09:14:06.240] [info]  Found version 3.9.0 (url: ExampleApp-3.9.0-arm64-mac.zip)
[2024-05-11 09:14:07.101] [info]  Downloading update from ExampleApp-3.9.0-arm64-mac.zip (sha512 blockmap 5.1 MB, 842 blocks)
`));

// ---------------------------------------------------------------------------
// Tauri / Qt desktop app output.
// Sources: tauri-apps/tauri issues #11316, #4230, #4886 (cargo/tauri dev output, tauri info);
//          mbusb/multibootusb issue #510; mbridak/not1mm PR #98; VioletGiraffe/file-commander issue #326;
//          therecipe/qt issue #1130; qtbase src/corelib/io/qstandardpaths_unix.cpp (XDG_RUNTIME_DIR warning).
groups.push(lines(String.raw`
    Finished ${BT}dev${BT} profile [unoptimized + debuginfo] target(s) in 44.04s
   Compiling webview2-com v0.33.0
     Running ${BT}target\debug\example-app.exe${BT}
error: process didn't exit successfully: ${BT}target\debug\example-app.exe${BT} (exit code: 101)
note: run with ${BT}RUST_BACKTRACE=1${BT} environment variable to display a backtrace
Error: Runtime(CreateWebview(WebView2Error(WindowsError(Error { code: 0x80004002, message: No such interface supported }))))
  › OS: Windows 10.0.22000 X64
  › Webview2: 90.0.818.66
  › rustc: 1.61.0
  › Rust toolchain: stable-x86_64-pc-windows-msvc
  › tauri [RUST]: 1.0.0-rc.14,
  › @tauri-apps/cli [NPM]: 1.0.0-rc.13
qt.qpa.xcb: could not connect to display
qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.
qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.
This application failed to start because no Qt platform plugin could be initialized. Reinstalling the application may fix this problem.
Available platform plugins are: wayland-egl, minimal, offscreen, linuxfb, wayland, xcb, eglfs, vnc, minimalegl, vkkhrdisplay.
error: XDG_RUNTIME_DIR not set in the environment.
Failed to create wl_display (No such file or directory)
QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'
Built with Qt 6.6.1
Running with Qt 6.6.1
`));

// ---------------------------------------------------------------------------
// Unity player / editor logs.
// Sources: tsunamayo/Starship-EVO issues #131 and #691; keijiro/Pix2Pix issue #4;
//          RenderHeads/UnityPlugin-AVProVideo issue #873; RenderHeads/UnityPlugin-AVProLiveCamera issue #53;
//          NVIDIAGameWorks/PhysX issue #485.
groups.push(lines(String.raw`
Initialize engine version: 2018.2.6f1 (c591d9a97a0b)
Initialize engine version: 2021.3.1f1c1 (0cb3bd085a01)
GfxDevice: creating device client; threaded=1; jobified=1
Direct3D:
    Version:  Direct3D 11.0 [level 11.1]
    Renderer: NVIDIA GeForce GTX 1080 Ti (ID=0x1b06)
    Renderer: Intel(R) UHD Graphics 730 (ID=0x4692)
    VRAM:     11132 MB
    Driver:   31.0.101.5186
Begin MonoManager ReloadAssembly
- Completed reload, in  0.148 seconds
<RI> Initializing input.
<RI> Initialized touch support.
UnloadTime: 0.435532 ms
Setting up 6 worker threads for Enlighten.
  Thread -> id: 36b4 -> priority: 1
d3d11: CreateDXGIFactory2(...) not found, fallbacking to CreateDXGIFactory1(...).
d3d11: D3D_FEATURE_LEVEL_11_1 not-recognized (only 11.0 runtime installed?)
d3d11: QueryInterface(IDXGIFactory5) failed (80004002).
FMOD failed to initialize any audio devices, running on emulated software output with no sound. Please check your audio drivers and/or hardware for malfunction.
XInput1_3.dll not found. Trying XInput9_1_0.dll instead...
(Filename: C:\buildslave\unity\build\artifacts/generated/common/runtime/DebugBindings.gen.cpp Line: 51)
Mono config path = 'D:/Builds/release-1.2.1-202404281218/MonoBleedingEdge/etc'
[Subsystems] Discovering subsystems at path D:/Builds/release-1.2.1-202404281218/Game_Data/UnitySubsystems
AS: AutoStreaming module initializing.
Loading C:\Program Files (x86)\Steam\steamapps\common\ExampleGame\ExampleGame_Data\Managed\UnityEngine.dll into Unity Child Domain
[AVProLiveCamera] version 2.9.1 initialised. Intel(R) UHD Graphics 730
`));

// ---------------------------------------------------------------------------
// Unreal Engine (UE4/UE5 and Unreal 227/469) logs.
// Sources: mitchemmc/VRUMGPlugin issue #1; EsotericSoftware/spine-runtimes issue #1115;
//          20tab/UnrealEnginePython issue #367; OldUnreal/Unreal-testing issue #332;
//          OldUnreal/UnrealTournamentPatches issue #1076.
groups.push(lines(String.raw`
[2016.09.01-14.54.19:761][  0]LogShaderCompilers:Display: Using Local Shader Compiler.
[2016.09.01-14.54.20:562][  0]LogTemp:Display: Loaded TP AllDesktopTargetPlatform
[2016.09.01-14.54.20:601][  0]LogTemp:Display: Loaded TP AndroidTargetPlatform
[2016.09.01-14.54.20:644][  0]LogTemp:Display: Loaded TP Android_PVRTCTargetPlatform
LogInit: Compiled (64-bit): Sep 22 2017 13:47:16
LogInit: Compiled with Visual C++: 19.00.24215.01
LogInit: Build Configuration: Development
LogInit: Branch Name: ++UE4+Release-4.17
LogInit: Command line:  -skipcompile
LogInit: Presizing for max 8388607 objects, including 0 objects not considered by GC, pre-allocating 0 bytes for permanent pool.
LogInit: Selected Device Profile: [Windows]
LogInit: CPU Page size=4096, Cores=4
LogInit: High frequency timer resolution =2.531252 MHz
LogMemory: Memory total: Physical=15.9GB (16GB approx)
LogMemory: Process Physical Memory: 278.49 MB used, 278.49 MB peak
LogMemory: Virtual Memory: 4798.92 MB used,  10227.63 MB free, 134217728.00 MB total
LogInit: Using OS detected locale (en-US).
LogTextLocalizationManager: No specific localization for 'en-US' exists, so the 'en' localization will be used.
LogDerivedDataCache: Warning: ../DerivedDataCache is very slow (0.08MB/s) when accessing ../DerivedDataCache/0/6/5/TEXTURE_814DCC3DC72143F49509781513CB9855_AUTODXT_D1D74F3B4AAFE6.udd
DevLoad: 1.7ms Loading: Package Engine (..\System\Engine.u - 3718957 bytes)
Init: Timer Frequency=3695.998350 MHz - Timing Source = RDTSC
Init: Memory total: Phys=4194303K Pagef=4194303K Virt=4194176K
Init: CPU Features: INVARIANT_TSC CMov FPU RDTSC PAE MMX SSE SSE2 SSE3 SSSE3 SSE4_1 SSE4_2 AVX AVX2
PhysX: Initializing PhysX physics engine (ver 4.1.2)!
LogNet: Browse: /Game/Maps/Lobby?Name=Player
LogWorld: Bringing World /Game/Maps/Lobby.Lobby up for play (max tick rate 60) at 2024.03.14-09.12.55
`));

// ---------------------------------------------------------------------------
// GitHub Actions runner logs.
// Sources: hack-chat/main issue #268 (actions/checkout step output);
//          cli/cli PR #11172 (runner image provisioner block); EndBug/version-check issue #108;
//          BetaHuhn/repo-file-sync-action issue #174 (##[debug] lines);
//          actions/cache src/restoreImpl.ts ("Cache restored from key: ...").
groups.push(lines(String.raw`
2025-07-04T14:32:09.4918508Z Current runner version: '2.325.0'
2025-07-04T14:32:09.4956172Z ##[group]Runner Image Provisioner
2025-07-04T14:32:09.4957441Z Hosted Compute Agent
2025-07-04T14:32:09.4958311Z Version: 20250703.357
2025-07-04T14:32:09.4959416Z Commit: 1a0de23762d1442ec8c4d3b889d9c5502fc13e3e
2025-07-04T14:32:09.4960539Z Build Date: 2025-07-03T14:39:09Z
2025-07-04T14:32:09.4961835Z ##[endgroup]
2025-07-04T14:32:09.4968263Z Image: ubuntu-24.04
2025-07-04T14:32:09.4969088Z Version: 20250622.1.0
2025-07-04T14:32:10.1428390Z shell: /usr/bin/bash -e {0}
2025-07-04T14:32:10.2073904Z Cleaning up orphan processes
2021-09-20T19:44:39.1750727Z Waiting for a Hosted runner in the 'organization' to pick this job...
2021-09-20T19:44:44.3014629Z Job is about to start running on the hosted runner: GitHub Actions 8 (hosted)
Run actions/checkout@v4
Syncing repository: prettier/prettier
Getting Git version info
Adding repository directory to the temporary git global config as a safe directory
Deleting the contents of '/__w/prettier/prettier'
Disabling automatic garbage collection
Setting up auth
Determining the checkout info
/usr/bin/git sparse-checkout disable
/usr/bin/git config --local --unset-all extensions.worktreeConfig
/usr/bin/git log -1 --format=%H
dffa33423fc3588eccc9e35251c3423059e6527b
2022-02-18T17:55:35.8215435Z ##[debug]Set step '__actions_checkout' display name to: 'Run actions/checkout@v2'
2022-02-18T17:55:35.8238572Z ##[debug]Collect running processes for tracking orphan processes.
2022-02-18T17:55:35.8917989Z ##[debug]Evaluating: success()
2022-02-18T17:55:35.8958427Z ##[debug]=> true
Cache restored from key: node-cache-Linux-x64-npm-2b530e1e4206e6465acf03a1ba4a711af98371dd1f14004e3eeadd4a738bd581
Cache hit occurred on the primary key node-cache-Linux-x64-npm-2b530e1e4206e6465acf03a1ba4a711af98371dd1f14004e3eeadd4a738bd581, not saving cache.
Received 134217728 of 412938475 (32.5%), 127.9 MBs/sec
Post job cleanup.
`));

// ---------------------------------------------------------------------------
// GitLab CI job logs.
// Sources: cirruslabs/gitlab-tart-executor issue #117; cdrx/rancher-gitlab-deploy issue #31;
//          fullsend-ai/fullsend issue #6604; https://docs.gitlab.com/runner/executors/docker.html
groups.push(lines(String.raw`
Running with gitlab-runner 17.11.1 (96856197)
Preparing the "docker" executor
Using Docker executor with image docker:latest ...
Pulling docker image docker:dind ...
Starting service docker:dind ...
Waiting for services to be up and running...
Running on runner-4e23d39e-project-3-concurrent-1 via fce2981d9072...
Getting source from Git repository
Fetching changes with git depth set to 20...
Checking out 3d7a04f2 as detached HEAD (ref is main)...
Skipping Git submodules setup
Checking cache for default-protected...
Executing "step_script" stage of the job script
Uploading artifacts for successful job
Missing gitlab-runner. Uploading artifacts is disabled.
Cleaning up project directory and file based variables
Job succeeded
Git revision: 96856197
Git branch:   17-11-stable
GO version:   go1.24.2
Built:        2025-05-05T10:24:25+00:00
OS/Arch:      darwin/arm64
doc.pdf: found 1 matching files
ERROR: Job failed: exit code 1
`));

// ---------------------------------------------------------------------------
// Jenkins console output.
// Sources: jenkinsci/pipeline-plugin TUTORIAL.md (Started by user anonymous / End of Pipeline);
//          jenkinsci/credentials-binding-plugin ("Masking supported pattern matches of $VAR");
//          jenkinsci/git-plugin ("Checking out Revision ..."); Jenkins console logs quoted in
//          public READMEs found via the code index (withCredentials / Durability level lines).
groups.push(lines(String.raw`
Started by user anonymous
Started by an SCM change
Started by timer
Running in Durability level: MAX_SURVIVABILITY
[Pipeline] Start of Pipeline
[Pipeline] node
Running on build-agent-07 in /var/jenkins_home/workspace/optel-nightly
[Pipeline] { (Declarative: Checkout SCM)
[Pipeline] withCredentials
Masking supported pattern matches of $NPM_TOKEN
Masking supported pattern matches of $PASSWORD or $FILE
Warning: A secret was passed to "sh" using Groovy String interpolation, which is insecure.
Selected Git installation does not exist. Using Default
The recommended git tool is: NONE
Fetching changes from the remote Git repository
 > git --version # 'git version 2.25.1'
Checking out Revision 9dbddb79fef4edd8de6865d17c75e7f274f741f9 (refs/remotes/origin/main)
Commit message: "Bump version to 0.14.2"
 > git rev-parse refs/remotes/origin/main^{commit} # timeout=10
 > git rev-list --no-walk 4a11cc6bc817ad47eb01287f5ebb42be915a2ef2 # timeout=10
[Pipeline] // withCredentials
[Pipeline] echo
hello from Pipeline
Recording test results
Archiving artifacts
Build step 'Execute shell' marked build as failure
[Pipeline] End of Pipeline
Finished: SUCCESS
Finished: UNSTABLE
`));

// ---------------------------------------------------------------------------
// Terraform / OpenTofu plan & apply output.
// Sources: dflook/terraform-github-actions PRs #185, #320, #407 (random_string plan);
//          bhadoriashubham/hello-world-docker-action issue #52 (aws_instance nested blocks);
//          https://developer.hashicorp.com/terraform/tutorials (apply / lock / sensitive value output).
groups.push(lines(String.raw`
Terraform used the selected providers to generate the following execution
plan. Resource actions are indicated with the following symbols:
  + create
Terraform will perform the following actions:
  # random_string.my_string will be created
  + resource "random_string" "my_string" {
      + id          = (known after apply)
      + length      = 11
      + min_lower   = 0
      + result      = (known after apply)
      + special     = true
Plan: 1 to add, 0 to change, 0 to destroy.
Changes to Outputs:
  + output_string = "the_string"
      + metadata_options {
          + http_endpoint               = (known after apply)
          + http_put_response_hop_limit = (known after apply)
          + http_tokens                 = (known after apply)
          + kms_key_id            = (known after apply)
          + iops                  = (known after apply)
      + password    = (sensitive value)
  ~ tags                                 = {
      ~ "Name" = "web-old" -> "web"
aws_instance.web: Still creating... [10s elapsed]
aws_instance.web: Creation complete after 42s [id=i-0a1b2c3d4e5f60718]
random_pet.name: Refreshing state... [id=wise-lemur]
Acquiring state lock. This may take a few moments...
Releasing state lock. This may take a few moments...
- Installing hashicorp/random v3.6.0...
- Installed hashicorp/random v3.6.0 (signed by HashiCorp)
Terraform has created a lock file .terraform.lock.hcl to record the provider
Apply complete! Resources: 3 added, 0 changed, 0 destroyed.
OpenTofu will perform the following actions:
`));

// ---------------------------------------------------------------------------
// Helm CLI output.
// Sources: helm/helm pkg/cmd/testdata/output/history.txt, list-all.txt, dependency-list.txt,
//          install.txt, lint-chart-with-bad-subcharts.txt.
groups.push(lines(String.raw`
REVISION	UPDATED                 	STATUS    	CHART           	APP VERSION	ROLLBACK	DESCRIPTION
1       	Fri Sep  2 22:04:05 1977	superseded	foo-0.1.0-beta.1	1.0        	        	Release mock
4       	Fri Sep  2 22:04:05 1977	deployed  	foo-0.1.0-beta.1	1.0        	        	Release mock
NAME       	NAMESPACE	REVISION	UPDATED                      	STATUS         	CHART          	APP VERSION
hummingbird	default  	1       	2016-01-16 00:00:03 +0000 UTC	deployed       	chickadee-1.0.0	0.0.1
thanos     	default  	1       	2016-01-16 00:00:01 +0000 UTC	pending-install	chickadee-1.0.0	0.0.1
reqsubchart3	>=0.1.0	https://example.com/charts	ok
NAME: aeneas
LAST DEPLOYED: Fri Sep  2 22:04:05 1977
NAMESPACE: default
STATUS: deployed
REVISION: 1
TEST SUITE: None
==> Linting testdata/testcharts/chart-with-bad-subcharts
[INFO] Chart.yaml: icon is recommended
	error unpacking subchart bad-subchart in chart-with-bad-subcharts: validation: chart.metadata.name is required
Error: 1 chart(s) linted, 1 chart(s) failed
`));

// ---------------------------------------------------------------------------
// Ansible playbook output.
// Sources: ansible/ansible issue #14367 (PLAY RECAP, retry hint); ansible/ansible PR #45797 (skipped count);
//          ansible/test-playbooks PRs #100/#101 (ok/changed/fatal lines); ansible/community issue #663.
groups.push(lines(String.raw`
PLAY [all] *****************************************************************************************
TASK [Gathering Facts] *****************************************************************************
ok: [localhost]
skipping: [2_skipped]
changed: [3_changed] => {
    "msg": "Playing 1_ok"
fatal: [4_failed]: FAILED! => {"changed": false, "msg": "I did nothing to deserve this."}
TASK [A debug msg all hosts will show except for skipped ones] *************************************
PLAY RECAP *****************************************************************************************
localhost                  : ok=38   changed=12   unreachable=0    failed=0    skipped=0    rescued=0    ignored=1
backup-02                   : ok=0    changed=0    unreachable=1    failed=0
           to retry, use: --limit @site.retry
ansible 2.8.0.dev0 (default_callback_stats_skipped db957c28cb) last updated 2018/09/18 10:10:10 (GMT -500)
changed: [localhost] => (item=master/conf.d)
ok: [localhost] => {"censored": "the output has been hidden due to the fact that 'no_log: true' was specified for this result", "changed": false}
[WARNING]: Consider using 'become', 'become_method', and 'become_user' rather than running sudo
`));

// ---------------------------------------------------------------------------
// Database query plans: PostgreSQL EXPLAIN (ANALYZE, BUFFERS), MySQL EXPLAIN, TiDB.
// Sources: Bhupesh-V/til Databases/explain-postgresql-query.md; gist Madusudanan/333e6662b7b78220c6292d575aaf091d;
//          https://www.postgresql.org/docs/current/using-explain.html ; https://dev.mysql.com/doc/refman/8.0/en/explain-output.html ;
//          pingcap/tidb issue #7523; mariadb-corporation/mariadb-docs PR #831 (rowid filter notation).
groups.push(lines(String.raw`
Seq Scan on users  (cost=0.00..11.62 rows=362 width=332) (actual time=0.018..0.376 rows=365 loops=1)
Planning Time: 0.056 ms
Execution Time: 0.648 ms
Aggregate  (cost=48214.95..48214.96 rows=1 width=0) (actual time=3874.445..3874.445 rows=1 loops=1)
  Buffers: shared read=35715
  ->  Seq Scan on users  (cost=0.00..45714.96 rows=999996 width=0) (actual time=6.024..3526.606 rows=1000000 loops=1)
 Bitmap Heap Scan on tenk1  (cost=5.07..229.20 rows=101 width=244)
   Recheck Cond: (unique1 < 100)
   ->  Bitmap Index Scan on tenk1_unique1  (cost=0.00..5.04 rows=101 width=0)
         Index Cond: (unique1 < 100)
 Hash Join  (cost=230.47..713.98 rows=101 width=488)
   Hash Cond: (t2.unique2 = t1.unique2)
 Sort  (cost=717.34..717.59 rows=101 width=488) (actual time=7.761..7.774 rows=100 loops=1)
   Sort Key: t1.fivethous
   Sort Method: quicksort  Memory: 77kB
   Rows Removed by Filter: 9000
   Buffers: shared hit=17 read=3 dirtied=1 written=1
 Gather  (cost=1000.00..217018.43 rows=1 width=97) (actual time=0.311..412.992 rows=1 loops=1)
   Workers Planned: 2
   Workers Launched: 2
 JIT:
   Functions: 4
   Options: Inlining false, Optimization false, Expressions true, Deforming true
+----+-------------+-------+------------+------+---------------+---------+---------+-------+------+----------+-------------+
| id | select_type | table | partitions | type | possible_keys | key     | key_len | ref   | rows | filtered | Extra       |
|  1 | SIMPLE      | t1    | NULL       | ref  | idx_abc       | idx_abc | 5       | const |  120 |   100.00 | Using index |
|  1 | SIMPLE      | orders| p2024      | range| idx_created   | idx_created | 6   | NULL  | 4821 |    33.33 | Using index condition; Using where; Using filesort |
1 row in set, 1 warning (0.00 sec)
*************************** 1. row ***************************
| ├─TableReader_11        | 2.00     | root | data:Selection_10                                                  |
type: ref|filter  key: idx_status|idx_created  key_len: 4|6  rows: 412 (2%)  Extra: Using where; Using rowid filter
`));

// ---------------------------------------------------------------------------
// Kubernetes: kubectl describe pod / node, events.
// Sources: xianlubird/cka-pre scheduling/scheduling-6.md; pastebin V6kXKirc (describe pod nginx);
//          gist lukas-vlcek/f659ad6157e185d6d869770fc660bccd (oc describe);
//          kubernetes/kubernetes issues #64691, #28940, #49606; kubernetes/kubectl issue #938;
//          hyperhq/hypernetes PR #21 (describe rc).
groups.push(lines(String.raw`
Name:               cpu-demo
Namespace:          default
Node:               <none>
Status:             Pending
QoS Class:          Burstable
Tolerations:        node.kubernetes.io/not-ready:NoExecute for 300s
      /var/run/secrets/kubernetes.io/serviceaccount from default-token-lvprh (ro)
    Type:        Secret (a volume populated by a Secret)
    SecretName:  default-token-lvprh
    Optional:    false
  Warning  FailedScheduling  4s (x6 over 19s)  default-scheduler  0/4 nodes are available: 3 PodToleratesNodeTaints, 4 Insufficient cpu.
  Normal   Scheduled  49m  default-scheduler  Successfully assigned default/nginx-rmwc3 to worker-2
  Normal   Pulled     4m   kubelet  Successfully pulled image "nginx:1.25.3" in 3.412s (3.412s including waiting). Image size: 70520324 bytes.
    Container ID:   containerd://c350ddc8146c1b3108afffd0c13e63ac96c7c50a73ab50a57c1a03ddd6b6e870
    Image:          image-registry.openshift-image-registry.svc:5000/demo/ruby-ex@sha256:58f9c2ad00b2c481e0eaa75951cbb8d7ad634532e093459c818ee5fad5b9085a
    Image ID:       docker.io/library/nginx@sha256:a897ba5ab5c34406bef3e9426122a2cf4c8a7ad1971a45e8257e64aa9520ad11
Capacity:
 cpu:                2
 ephemeral-storage:  39269648Ki
 hugepages-1Gi:      0
 hugepages-2Mi:      1Gi
 memory:             2937344Ki
 pods:               110
 ephemeral-storage:  36190907537
                    machineconfiguration.openshift.io/currentConfig: rendered-master-4dbc3ab945a7b4363db01a9d814d8907
  Resource           Requests     Limits
  cpu                850m (42%)   2 (100%)
  memory             1340Mi (46%) 2Gi (71%)
  HolderIdentity:  master0.cluster.local
  AcquireTime:     <unset>
CreationTimestamp:  Fri, 18 Sep 2020 12:10:04 -0700
Taints:             node-role.kubernetes.io/master:NoSchedule
31s 3m 15 cpu-demo.151bcf5ec4d514e5 Pod Warning FailedScheduling default-scheduler 0/4 nodes are available: 3 PodToleratesNodeTaints, 4 Insufficient cpu.
Replicas:   3 current / 3 desired
Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
  30m       30m     1   {replication-controller }           SuccessfulCreate    Created pod: nginx-ljuuj
`));

// ---------------------------------------------------------------------------
// Prometheus server / TSDB logs.
// Sources: prometheus/prometheus issues #12817, #2680, #3185, #8449, #17009;
//          prometheus-junkyard/tsdb PR #662; OutlineFoundation/outline-server issue #1258.
groups.push(lines(String.raw`
ts=2023-09-08T13:37:26.123Z caller=main.go:583 level=info msg="Starting Prometheus Server" mode=server version="(version=2.47.0, branch=HEAD, revision=efa34a5840661c29c2e362efa76bc3a70dccb335)"
ts=2022-12-26T09:01:41.587Z caller=main.go:540 level=info build_context="(go=go1.18.6, user=root@3caaaea7ba87, date=20220912-12:42:39)"
ts=2022-12-26T09:01:41.587Z caller=main.go:542 level=info fd_limits="(soft=32768, hard=32768)"
ts=2022-12-26T09:01:41.587Z caller=main.go:543 level=info vm_limits="(soft=unlimited, hard=unlimited)"
ts=2023-09-08T13:37:26.148Z caller=repair.go:56 level=info component=tsdb msg="Found healthy block" mint=1694167200024 maxt=1694174400000 ulid=01H9TE1NHSC9TCKNM2BF76DWDD
level=info ts=2019-07-13T17:14:46.171Z caller=head.go:505 component=tsdb msg="replaying WAL, this may take awhile"
level=info ts=2019-07-13T17:14:46.172Z caller=head.go:553 component=tsdb msg="WAL segment loaded" segment=122 maxSegment=126
time=2025-08-06T05:40:42.317Z level=INFO source=head.go:862 msg="WAL replay completed" component=tsdb checkpoint_replay_duration=200.501µs wal_replay_duration=40.479511ms wbl_replay_duration=547ns chunk_snapshot_load_duration=0s mmap_chunk_replay_duration=26.043µs total_replay_duration=42.522475ms
time=2025-08-06T05:40:42.326Z level=INFO source=main.go:1309 msg="filesystem information" fs_type=EXT4_SUPER_MAGIC
time=2025-08-06T05:40:42.329Z level=INFO source=main.go:1537 msg="Completed loading of configuration file" db_storage=2.317µs remote_storage=3.391µs web_handler=1.009µs query_engine=2.055µs scrape=2.38348ms scrape_sd=78.369µs notify=2.497µs notify_sd=1.287µs rules=2.755µs tracing=31.489µs filename=/etc/prometheus/prometheus.yml totalDuration=2.906638ms
time=2025-08-06T05:40:42.329Z level=INFO source=main.go:1273 msg="Server is ready to receive web requests."
time=2025-08-06T05:41:01.846Z level=WARN source=main.go:1075 msg="Received an OS signal, exiting gracefully..." signal=terminated
INFO[0015] tsdb started                                  source="main.go:213"
time="2017-09-18T14:47:08+08:00" level=info msg="Starting tsdb" source="main.go:224"
prometheus, version 2.24.1 (branch: HEAD, revision: bab90565c498afc4e7a146878e5dd0e851769eb6)
  build date:       20210120-00:18:07
  platform:         darwin/amd64
01CJ57DNKWP6R257T2WF2BW4JD  01CJ5BZ31ZFZM3VWQ7EWBRNHH5  01CJ5GM4KYE1XF7EGZ239A1QJV  lock  wal
`));

// ---------------------------------------------------------------------------
// Alertmanager logs.
// Sources: prometheus/alertmanager issues #3677, #1909, #4008, #4315; cortexproject/cortex PR #929.
groups.push(lines(String.raw`
ts=2023-12-27T07:47:25.813Z caller=cluster.go:683 level=info component=cluster msg="Waiting for gossip to settle..." interval=2s
ts=2023-12-27T07:47:25.844Z caller=coordinator.go:113 level=info component=configuration msg="Loading configuration file" file=/etc/alertmanager/alertmanager.yml
ts=2023-12-27T07:47:25.848Z caller=tls_config.go:274 level=info msg="Listening on" address=[::]:9093
ts=2023-12-27T07:47:25.848Z caller=tls_config.go:277 level=info msg="TLS is disabled." http2=false address=[::]:9093
ts=2023-12-27T07:47:27.814Z caller=cluster.go:708 level=info component=cluster msg="gossip not settled" polls=0 before=0 now=1 elapsed=2.000835954s
ts=2023-12-27T07:47:35.816Z caller=cluster.go:700 level=info component=cluster msg="gossip settled; proceeding" elapsed=10.002971602s
level=debug ts=2019-06-03T14:58:22.124284346Z caller=cluster.go:592 component=cluster msg="gossip looks settled" elapsed=4.000268229s
level=debug ts=2019-06-03T14:58:21.122283129Z caller=cluster.go:287 component=cluster memberlist="2019/06/03 14:58:21 [DEBUG] memberlist: Failed ping: 01DCC87CWBY4X4DK18CJVR6KWY (timeout reached)\n"
level=warn ts=2019-08-06T13:12:49.059667018Z caller=delegate.go:197 component=cluster received="unknown state key" len=2414 key=sil:1136
ts=2024-09-04T10:07:38.565Z caller=nflog.go:533 level=debug component=nflog msg="gossiping new entry" entry="entry:<group_key:\"{}:{alert_id=\\\"101\\\"}\" receiver:<group_name:\"Mail\" integration:\"email\" > timestamp:<seconds:1725444458 nanos:406291780 > firing_alerts:9876396428224961045 > "
ts=2023-12-27T07:48:18.910Z caller=dispatch.go:352 level=error component=dispatcher msg="Notify for alerts failed" num_alerts=1 err="default/webhook[0]: notify retry canceled due to unrecoverable error after 1 attempts: unexpected status code 400"
{"createdAt": "2025-04-08T09:20:25.271Z", "state": "unprocessed", "fingerprint": "ea03c3f233bc9acc"}
`));

// ---------------------------------------------------------------------------
// Grafana server logs (old and new formats).
// Sources: grafana/grafana issues #81991, #8084, #2102, #1835; sourcegraph/sourcegraph-public-snapshot issue #5221;
//          nacos-group/nacos-docker issue #33; microsoft/pai issue #5069; vegasbrianc/prometheus issue #112.
groups.push(lines(String.raw`
logger=settings t=2024-02-06T18:03:14.212953702+01:00 level=info msg="Starting Grafana" version=10.3.1 commit=00a22ff8b28550d593ec369ba3da1b25780f0a4a branch=HEAD compiled=2024-01-22T19:40:42+01:00
logger=settings t=2024-02-06T18:03:14.213193198+01:00 level=info msg="Config loaded from" file=/usr/share/grafana/conf/defaults.ini
logger=settings t=2024-02-06T18:03:14.213213126+01:00 level=info msg="Config overridden from command line" arg="default.paths.data=/var/lib/grafana"
t=2019-04-19T01:57:48+0000 lvl=info msg="Config overridden from Environment variable" logger=settings var="GF_PATHS_DATA=/var/lib/grafana"
t=2020-11-09T09:14:11+0000 lvl=info msg="Config overridden from Environment variable" logger=settings var="GF_AUTH_ANONYMOUS_ENABLED=true"
t=2020-11-09T09:14:11+0000 lvl=info msg="App mode production" logger=settings
t=2020-11-09T09:14:11+0000 lvl=info msg="Initializing DB" logger=sqlstore dbtype=sqlite3
t=2019-08-15T20:58:07+0000 lvl=info msg="Executing migration" logger=migrator id="add unique index dashboard_acl_dashboard_id_user_id"
t=2019-08-15T20:58:07+0000 lvl=info msg="Executing migration" logger=migrator id="add unique index user.email"
t=2019-08-15T20:58:07+0000 lvl=info msg="Executing migration" logger=migrator id="create login attempt table"
t=2018-07-30T16:02:28+0000 lvl=info msg="Starting Grafana" logger=server version=5.2.2 commit=aeaf7b2 compiled=2018-07-25T11:17:28+0000
2015/06/03 06:01:42 [I] Version: 2.0.2, Commit: v2.0.2, Build date: 2015-04-22 15:51:50 +0000 UTC
2015/06/03 06:01:42 [I] Database: sqlite3, ConnectionString: file:/var/lib/grafana/grafana.db?cache=shared&mode=rwc&_loc=Local
2015/04/21 08:09:58 [I] Migrator: exec migration id: drop index UQE_user_email - v1
  [0]: default.paths.data=/var/lib/grafana
`));

// ---------------------------------------------------------------------------
// Prometheus exposition format: histograms, summaries, bucket bounds.
// Sources: https://www.robustperception.io/how-does-a-prometheus-histogram-work/ ;
//          https://docs.influxdata.com/flux/v0/prometheus/metric-types/histogram/ ;
//          https://clickhouse.com/docs/zh/interfaces/formats/Prometheus ; https://prometheus.io/docs/instrumenting/exposition_formats/
groups.push(lines(String.raw`
# HELP prometheus_http_request_duration_seconds Histogram of latencies for HTTP requests.
# TYPE prometheus_http_request_duration_seconds histogram
prometheus_http_request_duration_seconds_bucket{handler="/",le="0.1"} 25547
prometheus_http_request_duration_seconds_bucket{handler="/",le="0.4"} 27760
prometheus_http_request_duration_seconds_bucket{handler="/",le="120"} 28860
prometheus_http_request_duration_seconds_bucket{handler="/",le="+Inf"} 28860
example_histogram_duration_sum 6.833441910000001
example_histogram_duration_count 88
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds{quantile="0.99"} 0.4829
go_gc_duration_seconds{quantile="0.75"} 4.2651e-05
process_resident_memory_bytes 4.3610112e+07
process_start_time_seconds 1.71231245289e+09
otelcol_exporter_sent_spans_total{exporter="otlp",service_instance_id="1a92fa34-b0ad-45ae-b1d9-3ad49c8b5923",service_version="0.98.0"} 184203
http_server_duration_milliseconds_bucket{http_method="GET",http_status_code="200",le="2500"} 9911 1712312452891
`));

// ---------------------------------------------------------------------------
// OpenTelemetry SDK diagnostics and Collector logs, W3C trace context.
// Sources: open-telemetry/opentelemetry-js PR #4288 and issue #4596 (diag messages);
//          elastic/observability-examples PR #64 (OTEL_LOGS_EXPORTER hint);
//          open-telemetry/opentelemetry-collector PRs #829, #3033; apache/skywalking issue #8038;
//          open-telemetry/opentelemetry-python issue #3199; https://www.w3.org/TR/trace-context/ (traceparent/tracestate examples).
groups.push(lines(String.raw`
@opentelemetry/api: Registered a global for diag v1.9.0.
@opentelemetry/api: Registered a global for trace v1.9.0.
@opentelemetry/api: Registered a global for propagation v1.9.0.
OTEL_LOGS_EXPORTER is empty. Using default otlp exporter.
Current logger will overwrite one already registered from Error
{"level":"info","ts":1586973167.183912,"caller":"service/service.go:431","msg":"Starting OpenTelemetry Collector...","Version":"latest","GitHash":"684b21a","NumCPU":16}
{"level":"info","ts":1586973167.1845078,"caller":"service/telemetry.go:147","msg":"Serving Prometheus metrics","port":8888,"legacy_metrics":true,"new_metrics":false,"level":0,"service.instance.id":""}
{"level":"info","ts":1586973167.187094,"caller":"pprofextension/pprofextension.go:48","msg":"Starting net/http/pprof server","config":{"TypeVal":"pprof","NameVal":"pprof","Disabled":false,"Endpoint":"localhost:1777","BlockProfileFraction":0,"MutexProfileFraction":0,"SaveToFile":""}}
2021-10-27T11:34:43.657Z        info    service/collector.go:322        Using memory ballast    {"MiBs": 683}
2021-10-27T11:34:43.659Z        info    service/telemetry.go:99 Serving Prometheus metrics      {"address": ":8888", "level": 0, "service.instance.id": "3bbdbaf3-fe55-4467-b231-518e19d9f1f9"}
2021-10-27T11:34:43.662Z        info    builder/pipelines_builder.go:204        Pipeline was built.     {"pipeline_name": "metrics", "pipeline_datatype": "metrics"}
2021-04-28T14:51:41.767+0200        info        builder/extensions_builder.go:53        Extension is starting...        {"kind": "extension", "name": "zpages"}
2023-02-25T02:14:05.257Z        info    exporter/exporter.go:290        Development component. May change in the future.        {"kind": "exporter", "data_type": "traces", "name": "logging"}
2023-02-25T02:14:05.263Z        info    service/service.go:128  Starting otelcol-contrib...     {"Version": "0.70.0", "NumCPU": 28}
2023-02-25T02:14:05.271Z        info    service/service.go:145  Everything is ready. Begin running and processing data.
traceparent: 00-a3289ccd6bb913a5af60f06ce92db432-51bdad7e95b92b2f-01
tracestate: rojo=00f067aa0ba902b7,congo=t61rcWkgMzE
  traceId: '3085a92dfb92f1dcc19f221b5ea778d6',
  parentId: 'ed35bc25a13f1b11',
  id: '88bc584c27bd8c59',
  timestamp: 1712312452891000,
  duration: 4123.504,
trace_id=b0d85d6fd103e5e427cbe73c3fe7af8d span_id=7d58c955691f3899 trace_flags=01 service.name=checkout
Instrumentation suppressed, returning Noop Span
`));

// ---------------------------------------------------------------------------
// German / French / Spanish / Japanese / Chinese log and UI messages (apt + Keycloak i18n).
// Sources: Debian/apt po/de.po, po/fr.po, po/es.po, po/ja.po;
//          keycloak/keycloak themes/src/main/resources-community/theme/base/login/messages/messages_de.properties,
//          messages_fr.properties, messages_es.properties, messages_ja.properties;
//          offensive-security/kali-arm-build-scripts issue #58 (zh_CN apt output).
groups.push(lines(String.raw`
Aktualisierung für 12 Pakete verfügbar. Führen Sie »apt list --upgradable« aus, um sie anzuzeigen.
Alle Pakete sind aktuell.
Paketaktualisierung (Upgrade) wird berechnet... Fertig
Verbindung vorzeitig beendet
Datenbank wurde beschädigt, Datei umbenannt in /var/cache/apt/pkgcache.bin.old
Keine Datei von Spiegelserver »mirror.example.org« gefunden
W: Verzeichnis /var/lib/apt/lists/partial kann nicht gelesen werden.
Ihre »sources.list«-Datei wurde verändert, bitte führen Sie »apt-get update« aus.
Zeitüberschreitung bei der Anmeldung. Bitte melden Sie sich erneut an.
Ungültiges Passwort: Es muss mindestens 12 Zeichen lang sein.
Sie sollten in Kürze eine E-Mail mit weiteren Instruktionen erhalten.
Es existieren zu viele aktive Sessions
Lecture des listes de paquets... Fait
Lecture de la liste de fichiers
Erreur interne lors de l'obtention d'un nom de paquet
Dépassement du délai de connexion
Le serveur a fermé la connexion
Impossible de réaliser un mapping de 33554432 octets en mémoire
Les signatures suivantes n'ont pas pu être vérifiées car la clé publique n'est pas disponible :
Connexion expirée. Veuillez vous reconnecter.
Impossible de récupérer le jeton du fournisseur d'identité.
La session n'est pas active.
Mot de passe invalide : longueur minimale requise de 8.
Se necesita descargar 2.481 kB de archivos.
Se utilizarán 38,9 kB de espacio de disco adicional después de esta operación.
3 actualizados, 1 nuevos se instalarán, 0 para eliminar y 306 no actualizados.
No se pudieron descargar algunos archivos
Se instalarán los siguientes paquetes NUEVOS:
La sesión no está activa
Contraseña incorrecta: longitud mínima 8.
Error inesperado obteniendo el token del proveedor de identidad
パッケージリストを読み込んでいます... 完了
依存関係ツリーを作成しています
状態情報を読み取っています... 完了
子プロセス /usr/bin/dpkg がエラーコード (1) を返しました
1日 3時間 12分 5秒
文法エラー /etc/apt/apt.conf.d/99local:3: 不正なタグです
ログインタイムアウトが発生しました。再度ログインしてください。
セッションが有効ではありません。
無効なパスワード: 最小 8 の長さが必要です。
アイデンティティ プロバイダーからトークンを取得できませんでした。
正在读取软件包列表... 完成
正在分析软件包的依赖关系树
curl 已经是最新版 (7.47.0-1)。
`));

// ---------------------------------------------------------------------------
// Auth / session / credential vocabulary WITHOUT values (the words alone must survive).
// Sources: keycloak/keycloak issues #14040 and #41040 and PR #7568 (org.keycloak.events lines, values replaced);
//          Debian/apt po/*.po ("USER failed, server said", "PASS failed"); git/git credential prompts;
//          https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/githubs-ssh-key-fingerprints
//          (public host-key fingerprint); docker/cli login warnings; OWASP Logging Cheat Sheet
//          https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html (event vocabulary).
groups.push(lines(String.raw`
2023-07-11 10:14:04,584 WARN  [org.keycloak.events] (executor-thread-62335) type=REFRESH_TOKEN_ERROR, realmId=example, clientId=frontend-stable, userId=null, ipAddress=127.0.0.1, error=invalid_token, grant_type=refresh_token, refresh_token_type=Refresh, client_auth_method=client-secret
10:22:19,903 WARN  [org.keycloak.events] (default task-147) type=REFRESH_TOKEN_ERROR, realmId=alto, clientId=alto-portal, userId=null, error=invalid_token, grant_type=refresh_token, client_auth_method=client-secret
KC-SERVICES0015: Unexpected error when authenticating client: java.lang.IllegalArgumentException: URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "%zz"
KEYCLOAK-15242 Error in application logs when refresh token is expired.
USER failed, server said: 530 Login incorrect.
PASS failed, server said: 530 Login incorrect.
fatal: could not read Username for 'https://github.com': terminal prompts disabled
remote: Support for password authentication was removed on August 13, 2021.
Configure a credential helper to remove this warning. See https://docs.docker.com/engine/reference/commandline/login/#credentials-store
Login Succeeded
Permission denied (publickey,password).
Host key verification failed.
The authenticity of host 'github.com' can't be established.
ED25519 key fingerprint is SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU.
Warning: Permanently added 'github.com' (ED25519) to the list of known hosts.
npm ERR! code E401
npm ERR! Unable to authenticate, need: Basic realm="GitHub Package Registry"
password reset requested; confirmation link sent to the address on file
password policy loaded: minLength=12 requireDigit=true requireSymbol=true history=5
token refresh scheduled in 300s (expires_in=3600, skew=30s)
access token expired; retrying request with refreshed credentials
secret rotation completed for 3 mounts (kv/app, kv/db, kv/mq)
API key header missing on request to /v1/reports (request_id=2d8626a2-0fe6-46cb-b9fb-28cd44edc614)
auth: no credentials provided, falling back to anonymous read-only access
session expired after 30m idle; redirecting to /login
session store: evicted 412 expired sessions in 18ms
credential helper "osxkeychain" not found on PATH
email field left empty; skipping verification step
phone number field is optional for this locale (de-DE)
user enabled two-factor authentication (method=totp, backup codes=10)
key rotation: signing key version 7 activated, version 6 retained for verification
OAuth2 authorization code flow started (PKCE method=S256, state length=43)
role_read-token=Token lesen
`));

// ---------------------------------------------------------------------------
// Numbers-heavy: hex dumps, memory maps, kernel register dumps, addresses.
// Sources: util-linux hexdump(1) -C format and vim xxd(1) format (ELF header example as in
//          tuhdo/os01 PR #54 and https://fasterthanli.me/series/making-our-own-executable-packer/part-1);
//          proc(5) /proc/[pid]/maps format https://man7.org/linux/man-pages/man5/proc.5.html ;
//          Linux kernel oops format https://www.kernel.org/doc/html/latest/admin-guide/bug-hunting.html
groups.push(lines(String.raw`
00000000  7f 45 4c 46 02 01 01 00  00 00 00 00 00 00 00 00  |.ELF............|
00000010  03 00 3e 00 01 00 00 00  40 10 00 00 00 00 00 00  |..>.....@.......|
00000000: 7f45 4c46 0201 0100 0000 0000 0000 0000  .ELF............
00000020: 4000 0000 0000 0000 c836 0000 0000 0000  @........6......
0000fff0  de ad be ef ca fe ba be  00 11 22 33 44 55 66 77  |.........."3DUfw|
55d4c2a1b000-55d4c2a3c000 rw-p 00000000 00:00 0                          [heap]
7f3a2c000000-7f3a2c021000 rw-p 00000000 00:00 0
7ffd5e8a4000-7ffd5e8c5000 rw-p 00000000 00:00 0                          [stack]
7f3a2e5d1000-7f3a2e5f3000 r-xp 00028000 fd:01 1836172                    /usr/lib/x86_64-linux-gnu/libc.so.6
RIP: 0010:__x86_indirect_thunk_rax+0x10/0x20
RSP: 0018:ffffb2c1c0b3fd48 EFLAGS: 00010246
RAX: 0000000000000000 RBX: ffff8f2a4c3d8000 RCX: 0000000000000001
RDX: 0000000000000000 RSI: ffffffffc0a1b2c3 RDI: ffff8f2a4c3d8000
Code: 48 89 df e8 0b 3a 00 00 48 8b 43 08 48 85 c0 74 0c <0f> 0b 48 83 c4 08 5b 5d c3
Call Trace:
 ? __die_body.cold+0x1a/0x1f
segfault at 7f3a2c0000a8 ip 000055d4c0e1f3b2 sp 00007ffd5e8c3a10 error 4 in app[55d4c0e00000+4f000]
watchpoint set at 0x00007ffd5e8c3a10 (len=8, type=write)
`));

// ---------------------------------------------------------------------------
// Numbers-heavy: latency percentiles, benchmark tools, byte counts, durations.
// Sources: sharkdp/hyperfine README.md (Time (mean ± σ) / Range lines); wg/wrk README.md
//          (Latency Distribution, Requests/sec, Transfer/sec); Go testing package docs
//          https://pkg.go.dev/testing (benchmark output format); iputils ping(8) summary format;
//          rsync(1) --stats summary; df(1)/lsblk(8) column formats.
groups.push(lines(String.raw`
  Time (mean ± σ):     112.3 ms ±   4.1 ms    [User: 98.2 ms, System: 12.9 ms]
  Range (min … max):   106.9 ms … 121.7 ms    26 runs
  Latency Distribution
     50%    1.21ms
     99%   14.87ms
  Requests/sec:  81234.56
  Transfer/sec:     10.12MB
  8 threads and 400 connections
BenchmarkParse-8   	  500000	      2354 ns/op	     512 B/op	       7 allocs/op
ok  	example.com/optel/internal/parse	3.412s
64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.045 ms
rtt min/avg/max/mdev = 0.031/0.044/0.061/0.009 ms
Number of files: 48,213 (reg: 44,901, dir: 3,312)
Total transferred file size: 1,073,741,824 bytes
sent 1.07G bytes  received 912.43K bytes  86.59M bytes/sec
/dev/nvme0n1p2  491G  312G  154G  67% /
sda      8:0    0 476.9G  0 disk
p50=12.4ms p90=48.1ms p95=77.9ms p99=214.3ms p99.9=1.02s max=3.41s n=184203
bucket bounds (ms): 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000
[  0.5,   1.0) ##########  1042
[  1.0,   2.0) ####         411
heap: used=734003200 committed=1073741824 max=4294967296 (17.1%)
GC pause (G1 Evacuation Pause) (young) 2048M->612M(4096M) 18.412ms
uptime 41d 07:12:55, load average: 0.42, 0.37, 0.31
Memory: 16384 MB total, 9231 MB used (56.3%), swap 2048 MB (0 used)
`));

// ---------------------------------------------------------------------------
// Numbers-heavy: dates in many formats, version lists, product codes, orders, coordinates.
// Sources: ISO 8601 / RFC 3339 / RFC 7231 date formats; https://semver.org (pre-release/build metadata examples);
//          https://en.wikipedia.org/wiki/ISBN (978-3-16-148410-0 example) and
//          https://en.wikipedia.org/wiki/International_Article_Number (4006381333931 example),
//          https://en.wikipedia.org/wiki/Universal_Product_Code (036000291452 example);
//          https://gpsd.gitlab.io/gpsd/NMEA.html (GGA/RMC examples); SignalK/signalk-to-nmea0183 issue #39;
//          XCSoar/XCSoar PR #2616 (GPRMC/GPGGA logging).
groups.push(lines(String.raw`
Rechnungsdatum: 14.03.2024, fällig am 28.03.2024 (Zahlungsziel 14 Tage)
Lieferung erfolgt voraussichtlich zwischen 02.04.2024 und 05.04.2024
build started 2024/03/14 09:12:55, finished 2024/03/14 09:31:07 (18m12s)
date=14/03/2024 time=09:12:55 tz=CET
Last-Modified: Thu, 14 Mar 2024 09:12:55 GMT
2024-03-14T09:12:55.123456789+01:00 compaction finished
20240314T091255Z snapshot written
2024-W11-4 weekly rollup, day-of-year 2024-074
epoch=1710407575 epoch_ms=1710407575123
Thursday, March 14, 2024 at 9:12:55 AM Central European Standard Time
le 14 mars 2024 à 09:12 ; el 14 de marzo de 2024; 2024年3月14日 9時12分
supported runtimes: node 18.20.2, 20.12.2, 22.0.0; deno 1.42.4; bun 1.1.3
1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0
version 1.0.0+20130313144700 (build metadata ignored for precedence)
OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)
ISBN 978-3-16-148410-0 added to catalogue (format: hardcover, 512 pages)
scanned EAN-13 4006381333931 qty=3 unit_price=2.49 EUR
UPC-A 036000291452 matched SKU WB-0042-BLU
GTIN 00012345600012 not found in catalogue (source=import-2024-03-14.csv)
Order #PO-2024-004512 shipped: 3 items, 2.4 kg, total 149,90 EUR (incl. 19 % MwSt.)
order_id=ORD-20240314-000187 status=fulfilled lines=4 subtotal=87.35 tax=16.60 currency=EUR
invoice INV/2024/03/0091 generated (12 positions, 1.234,56 €)
$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47
$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A
geofence check: point (48.8584, 2.2945) inside polygon 'paris-7e' (area 4.09 km²)
tile z=14 x=8529 y=5974 rendered in 38 ms (bbox 13.3789,52.5163,13.4009,52.5297)
bearing 084.4° speed 22.4 kn altitude 545.4 m hdop 0.9 sats 8
`));

// ---------------------------------------------------------------------------
// High-entropy NON-secrets in context: commit SHAs, digests, UUIDs, request ids, ETags,
// build ids, content-addressed paths, labelled nonces.
// Sources: OCI image-spec descriptor/digest format https://github.com/opencontainers/image-spec/blob/main/descriptor.md ;
//          git-scm.com docs (abbreviated SHAs, git log --oneline); npm package-lock "integrity" (SRI, sha512);
//          Nix store paths https://nixos.org/manual/nix/stable/store/store-path ; Go module sumdb go.sum lines;
//          RFC 7232 ETag; Bazel/Buck content-addressed cache layouts.
groups.push(lines(String.raw`
commit 6f5537f65c7fa72e1ea4c1a9d7c3bac420f64d8e (HEAD -> main, origin/main)
9de1d1f fix(redaction): keep bucket bounds intact
Merge: d339a16 b8f55c7
 3 files changed, 41 insertions(+), 12 deletions(-)
From github.com:example/optel
   800d5d4..bd99d1c  main       -> origin/main
pushing layer sha256:69a2aa327d2e19755f11c09c8db0916bd6d85ee4460c2023589151f9e6084117 (12.4 MB)
digest: sha256:94fc127f8c214ead3b0aa37665dc684e8cca9790087003917edcdd3eb4fd368f size: 1573
{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:c357800323a19f942c0e21f404e035637b4c9179e7539b12d264771dfed4a89f","size":7143}
"integrity": "sha512-mRO7DMVnDQ3SoTRHx/pdn1+fpjdlAocWt/6JmpKCRXwZ5gJe4GffaNpY+2cArwckRFZnFO8OHmXpvoyJE09DfQ==",
golang.org/x/text v0.14.0 h1:qmWaGOVkgvE8fzoyt1kzjFAuWSukgtVnH68n5xW4kUE=
/nix/store/djh974w27k2v06qci49sp8953y5dld2c-openssl-3.0.13/lib/libssl.so.3
cache hit: ac/d1bcaa77bcbbefaedf8d1698941f3984 (action digest, 2.1 KB)
cas blob stored at cas/sha256/0e/0e0e3c181c1d5b3153002b9dc76837c5b924826add8f6feca43fdbbe518781b7
ETag: "d720b466b5a3275ec914d524125269f5"
If-None-Match: W/"46c7448188d51e4846abecfe4d7743b6"
Content-MD5: QiZMfCMLtHF7Xke9FMfQTw==
x-amz-request-id: F831AA4BC00503F8 x-amz-id-2: 24BX7DaeB7ixcCRysEe+K/uIj2w8xCG6WriIof518dvWdQx4fi1FIVqsXzx43h5v
request_id=e58780d8-8199-43b1-a930-2ffc1c40025b correlation_id=2567930a-08b3-4dbd-af06-62ed8fdada41 status=200 duration_ms=41
build_id=20240314.7 build_number=1187 git_sha=a8deb6062e774eb2ec490cd4458cf600 runner=linux-x64-04
BuildId: 37f537c2ba9dcbb262a0a68f41a21da4 (GNU build-id, .note.gnu.build-id)
job 0CB3CF78379FC02511304D5D0B queued (ULID), parent 06DD1B8DFEA63BA46255D25637
csp nonce for this response: hzN-X0hJnIEffQJmD9-h-g (single use, logged for CSP report correlation)
idempotency window 24h for operation 6e8b09dc-2b77-492a-b245-51a4f397af16
chunk 074aa551-4c5a-4e76-a00e-bf5f5b29c9da uploaded (part 3/7, md5 db74fff2991cb97195377db0b2daa13d)
dedupe key 11e1e2c2f200f5753aa92464ce27a176 matched 2 earlier events
session-replay segment 8989a5c6-02e7-4fae-afd9-88de4201090b compressed 412 KB -> 61 KB
`));

// ---------------------------------------------------------------------------
// Mixed desktop / mobile app telemetry-style lines (ordinary product events).
// Sources: OpenTelemetry semantic conventions https://opentelemetry.io/docs/specs/semconv/ (attribute names);
//          Android developer docs https://developer.android.com/topic/performance/vitals (ANR/frozen frame wording);
//          Apple MetricKit docs https://developer.apple.com/documentation/metrickit (hang/launch metrics).
groups.push(lines(String.raw`
app.launch cold=true duration_ms=1832 first_frame_ms=941 os=android 14 device.model.identifier=Pixel 8
frozen frames: 3 of 1812 (0.17%), slow frames: 41 (2.26%), jank p95 22.4 ms
ANR rate 0.12% (threshold 0.47%), crash-free sessions 99.71%
hang detected on main thread: 2.41 s (MXHangDiagnostic, callStackTree depth 38)
screen_view name=CheckoutScreen previous=CartScreen dwell_ms=12044
http.request.method=POST url.path=/api/v2/orders http.response.status_code=201 server.address=api.example.com
db.system=postgresql db.operation.name=SELECT db.collection.name=orders rows=120 duration=4.2ms
messaging.system=kafka messaging.destination.name=orders.v1 messaging.kafka.offset=184203 partition=7
feature_flag key=new-checkout variant=treatment-b reason=TARGETING_MATCH
battery 63% charging=false thermal=nominal low_power_mode=false
network type=wifi effective=4g rtt=62ms downlink=9.4Mbps save_data=false
storage free 12.4 GB of 128 GB, app cache 318 MB, db 42 MB
locale=de-DE tz=Europe/Berlin 24h=true currency=EUR measurement=metric
`));

export function appBenignLines(): string[] {
  return groups.flat();
}
