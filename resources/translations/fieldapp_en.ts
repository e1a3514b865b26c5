<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AddSessionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="60" />
        <source>Add observation session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="67" />
        <source>BM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="68" />
        <source>Auxiliary point (Titik Bantu)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="69" />
        <source>JKHN / CORS station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="74" />
        <source>rover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="75" />
        <source>base</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="76" />
        <source>reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="82" />
        <source>metres, e.g. {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="85" />
        <source>vertical</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="86" />
        <source>slant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="89" />
        <source>antenna radius for a slant height, m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="96" />
        <source>bottom of mount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="103" />
        <source>Add files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="116" />
        <source>Point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="117" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="118" />
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="119" />
        <source>Antenna height before / after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="121" />
        <source>Measured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="122" />
        <source>Antenna radius</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="123" />
        <source>Measured to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="125" />
        <source>Antenna</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="126" />
        <source>Receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="127" />
        <source>Serial number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="128" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="129" />
        <source>Raw / RINEX files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="159" />
        <source>Raw (UBX, RTCM 3) or RINEX files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="177" />
        <source>⚠ Before and after differ by {0} mm (more than 5 mm): measure again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="187" />
        <source>Name the point.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="193" />
        <source>Antenna heights: type metres, e.g. {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="197" />
        <source>Antenna heights must be between 0 and 10 m.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="207" />
        <source>A slant height needs the antenna radius (metres, under the height).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="211" />
        <source>Add the session's raw or RINEX files.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AfterHeightRow</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="257" />
        <source>Antenna height after (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="258" />
        <source>measure again, e.g. 1,800</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="277" />
        <source>Measure the antenna height again now that the session is over, and type it before saving.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="280" />
        <source>Antenna height after: type a number of metres from {0} to {1}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BackgroundPanel</name>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="43" />
        <source>No background map yet: add an MBTiles, GeoPackage, PMTiles or GeoTIFF file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="44" />
        <source>Copy the file into the job folder? A copy travels with the job; a link keeps one file for several jobs but must stay where it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="56" />
        <location filename="../../fieldapp/ui/background_panel.py" line="244" />
        <source>Background maps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="69" />
        <source>Move up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="70" />
        <source>Move down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="71" />
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="72" />
        <source>Remove…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="79" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="82" />
        <source>Opacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="90" />
        <source>Top of the list is drawn on top; tick to show.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="109" />
        <source>{0} (file not found)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="122" />
        <source>The job is read-only: backgrounds cannot be changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="215" />
        <location filename="../../fieldapp/ui/background_panel.py" line="221" />
        <source>Add a background map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="216" />
        <source>Background maps ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="223" />
        <source>Copy into the job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="224" />
        <source>Link to the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="235" />
        <source>Remove the background {0} from the job?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="237" />
        <source>Its copy in the job folder is deleted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="238" />
        <source>Remove background</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BaseChoice</name>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="74" />
        <source>The base station announces a position {0} m from {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="78" />
        <source>The base station announces {1}, {0} m apart: it agrees</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="86" />
        <source>A control point of the job (BM, Titik Bantu, JKHN) or an NTRIP mountpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="89" />
        <source>No base named: the NTRIP mountpoint is recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="94" />
        <source>{0} fits more than one control point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="97" />
        <source>{0}: not a control point of the job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="105" />
        <source>from static baseline #{0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="107" />
        <source>imported coordinate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_choice.py" line="111" />
        <source>Job control point {0} ({1}): its coordinate now is recorded</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BaselinePanel</name>
    <message>
        <location filename="../../fieldapp/ui/base_position.py" line="25" />
        <source>Base position: type latitude, longitude and height, e.g. {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/base_position.py" line="31" />
        <source>Base position: latitude, longitude or height out of range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="176" />
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Rover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="177" />
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Base</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="178" />
        <source>Process baseline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="179" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="180" />
        <source>Accept into control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="181" />
        <source>Base position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="183" />
        <source>From the file header</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="185" />
        <source>The approximate position in the base's RINEX header: not a control coordinate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Solution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="188" />
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="189" />
        <source>σ E / N / U</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="189" />
        <source>Duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="189" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="192" />
        <source>Required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="206" />
        <source>from the job's control: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="211" />
        <source>lat lon h, when the base is not in control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="256" />
        <source>Reason: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="286" />
        <source>✔ meets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="286" />
        <source>✘ does not meet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="300" />
        <source>Meets every rule of 697/1996.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="303" />
        <source>Does not meet: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="313" />
        <source>Rover {0}°, {1}° · {2} · vector E/N/U {3} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="317" />
        <source>{0} epochs every {1} s · {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="330" />
        <source>Choose two different points for rover and base.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="350" />
        <source>No position in the header of {0}'s files.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="371" />
        <source>Processing {0} against {1}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="380" />
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="411" />
        <source>Processing cancelled; nothing was stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="413" />
        <source>Processing failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="418" />
        <source>Processed and stored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="455" />
        <source>Cannot accept: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/baseline_panel.py" line="457" />
        <source>{0} accepted into control.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Bullseye</name>
    <message>
        <location filename="../../fieldapp/ui/widgets.py" line="156" />
        <source>{0} cm per ring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/widgets.py" line="157" />
        <source>{0} m per ring</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="113" />
        <source>Compliance calendar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="115" />
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="115" />
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="115" />
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="117" />
        <source>Export .ics…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="118" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="139" />
        <source>Today {0}: {1} overdue, {2} due within {3} days, {4} later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="150" />
        <source>{0} days overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="150" />
        <source>overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="153" />
        <source>today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="155" />
        <source>{0} days ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="157" />
        <source>in {0} days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="168" />
        <source>Nothing due: no date follows from the job's data yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="179" />
        <source>Export the calendar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="193" />
        <source>Not exported: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="196" />
        <source>Exported to {0}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CalendarTexts</name>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="64" />
        <source>Maintenance report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="65" />
        <source>Marker inspection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="66" />
        <source>KPO data update</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="67" />
        <source>RKAB window opens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/calendar_dialog.py" line="68" />
        <source>RKAB window closes</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="37" />
        <source>No camera support: QtMultimedia is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="44" />
        <source>No camera support: the multimedia backend failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="47" />
        <source>No camera was found on this machine. Add photo files instead.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CameraButton</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="103" />
        <source>No camera</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="123" />
        <source>Camera – marker {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="133" />
        <source>Capture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="136" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="147" />
        <source>Camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="148" />
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="204" />
        <source>Point the camera and press Capture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="214" />
        <source>The camera is not ready yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="217" />
        <source>Capturing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="221" />
        <source>Camera error: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="224" />
        <source>Capture failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="232" />
        <source>Choose a marker first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="240" />
        <source>Photo not saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="243" />
        <source>Saved {0} ({1}) as photo {2} of marker {3}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="246" />
        <source>Photo saved: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ControlPointsPage</name>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="51" />
        <source>no geoid grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="53" />
        <source>h is the ellipsoidal height; H = h − N is the orthometric height above the geoid {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Latitude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="57" />
        <source>Longitude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="58" />
        <source>h ellipsoid (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="58" />
        <source>H orthometric (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="58" />
        <source>Origin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="72" />
        <source>BM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="72" />
        <source>Titik Bantu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="73" />
        <source>JKHN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_points.py" line="79" />
        <source>tied to {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ControlTexts</name>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="26" />
        <source>Observation duration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="27" />
        <source>Recording interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="28" />
        <source>Elevation mask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="29" />
        <source>Ambiguities fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="30" />
        <source>σ horizontal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="31" />
        <source>σ vertical</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="38" />
        <location filename="../../fieldapp/ui/control_texts.py" line="92" />
        <source>{0} h {1} min {2} s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="41" />
        <location filename="../../fieldapp/ui/control_texts.py" line="93" />
        <source>{0} h {1} min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="42" />
        <source>{0} h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="46" />
        <location filename="../../fieldapp/ui/control_texts.py" line="97" />
        <source>(ratio {0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="52" />
        <source>for a baseline under 20 km</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="53" />
        <source>for a baseline of 20 km or more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="65" />
        <source>Converting {0}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="68" />
        <source>Processing epoch {0}…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="71" />
        <source>Reading the solution…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="78" />
        <source>accepted with a reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="80" />
        <source>new</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="81" />
        <source>accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="82" />
        <source>superseded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_texts.py" line="113" />
        <source>no phase solution</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ControlView</name>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="53" />
        <location filename="../../fieldapp/ui/control_view.py" line="103" />
        <source>Add session…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="56" />
        <location filename="../../fieldapp/ui/control_view.py" line="104" />
        <location filename="../../fieldapp/ui/control_view.py" line="197" />
        <source>Field sheet (PDF)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="100" />
        <source>Observation sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="101" />
        <source>Baselines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="102" />
        <source>Control points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="106" />
        <source>Receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="107" />
        <source>Antenna height before / after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="107" />
        <source>Start (GPST)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>End (GPST)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>Interval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>Epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="108" />
        <source>Files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="126" />
        <source>base</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="126" />
        <source>rover</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="127" />
        <source>reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="130" />
        <source>BM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="130" />
        <source>Titik Bantu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="131" />
        <source>JKHN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="151" />
        <source>slant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="151" />
        <source>vertical</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="168" />
        <source>Before and after differ by {0} mm (more than 5 mm)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="199" />
        <source>Field sheet saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="219" />
        <source>Add session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="221" />
        <source>Session stored for {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="227" />
        <source>Recording stopped; nothing was received.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="235" />
        <source>Raw data recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_view.py" line="236" />
        <source>Create an observation session from {0}?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="281" />
        <source>Village</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="281" />
        <source>District</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="282" />
        <source>Regency/city</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="282" />
        <source>Province</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="283" />
        <source>Access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="283" />
        <source>Condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="284" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="288" />
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="289" />
        <source>Save description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="290" />
        <source>Reference marker (point cannot take a marker)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="291" />
        <source>Record current position as reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="292" />
        <source>Berita acara checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="310" />
        <source>Occupation passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="311" />
        <source>Staked position recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="312" />
        <source>Description complete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="316" />
        <source>Photos missing: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="318" />
        <source>All photo directions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="321" />
        <source>Witnesses missing: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="323" />
        <source>Witnesses present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="332" />
        <source>Description saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="339" />
        <source>No position yet: connect the receiver first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="345" />
        <source>Reference marker saved: azimuth {0}°, distance {1} m</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DesignHeightPage</name>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="69" />
        <source>Design height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="70" />
        <source>Mark as measured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="71" />
        <source>Give the design height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="72" />
        <source>H orthometric (above the geoid)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="73" />
        <source>h ellipsoidal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="74" />
        <source>metres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="75" />
        <source>Save design height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="94" />
        <source>given as orthometric H</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="96" />
        <source>given as ellipsoidal h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="105" />
        <source>no passing occupation yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="108" />
        <source>{0}°, {1}° · {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="121" />
        <source>Type the height in metres, e.g. 12,5.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="125" />
        <source>The job's geoid grid is missing: import it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="129" />
        <source>Not saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/design_height_page.py" line="131" />
        <source>Design height of {0} saved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="124" />
        <source>Receiver and instrument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="129" />
        <source>Simulator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="130" />
        <source>Serial / Bluetooth port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="131" />
        <source>TCP (Wi-Fi)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="132" />
        <source>Replay a capture file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="139" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="149" />
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="155" />
        <source>Profiles…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="160" />
        <source>Total station…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="166" />
        <source>NTRIP corrections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="167" />
        <source>Total station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="161" />
        <source>Receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="73" />
        <source>Bluetooth incoming: not the receiver's port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="162" />
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="163" />
        <source>Baud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="164" />
        <source>TCP host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="165" />
        <source>Replay file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="214" />
        <source>No corrections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="233" />
        <source>Capture file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="113" />
        <source>Berita acara</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="115" />
        <source>Marker descriptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="117" />
        <source>Stake-out report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="118" />
        <source>Deliverables folder (PDF, XLSX, DXF, photos)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="121" />
        <source>F4 (215 × 330 mm)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="123" />
        <source>name of the person signing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="125" />
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="127" />
        <source>Build</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="129" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="134" />
        <source>Choose the documents and press Build.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="149" />
        <source>Paper</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="150" />
        <source>Signs for the permit holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="154" />
        <source>Folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="159" />
        <source>Build documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="170" />
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="170" />
        <source>Made</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="172" />
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="173" />
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="179" />
        <source>Documents in the folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Printed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="185" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="193" />
        <source>Print log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="228" />
        <source>All installed markers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="231" />
        <source>Marker {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="236" />
        <source>Folder for the documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="269" />
        <source>Choose at least one document to build.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="282" />
        <source>Starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="291" />
        <source>Cancelling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="296" />
        <source>Document {0} of {1}: {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="309" />
        <source>Done: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="314" />
        <source>Cancelled; nothing half-written was left.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="316" />
        <source>Finished before: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="320" />
        <source>Failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="321" />
        <source>The build failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="341" />
        <source>DRAF: not final; its last page lists what is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="385" />
        <source>free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="387" />
        <source>{0} (superseded)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="391" />
        <source>Nomor {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_view.py" line="393" />
        <source>superseded by Nomor {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="19" />
        <source>{0}: not a fieldapp job (no {1} inside)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="21" />
        <source>{0}: already exists; choose another name or open it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="23" />
        <source>{0}: cannot open the job database: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="25" />
        <source>The job was saved by a newer fieldapp (schema {0}; this one knows up to {1}): update fieldapp to open it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="28" />
        <source>job {0} is read-only ({1}); copy it to a writable folder to change it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="30" />
        <source>opened read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="31" />
        <source>its folder is not writable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="32" />
        <source>{0} is not writable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="33" />
        <source>it cannot be written: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="35" />
        <source>{0}: not an image that can be read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="36" />
        <source>{0}: no such file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="37" />
        <source>{0}: not a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="39" />
        <source>port {0} not found (unplugged, or Bluetooth not paired?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="41" />
        <source>port {0} is busy (another program has it open?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="43" />
        <source>no permission to open port {0} (on Linux: add the user to 'dialout')</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="44" />
        <source>choose a serial port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="45" />
        <source>choose a capture file to replay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="47" />
        <source>not started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="48" />
        <source>opening {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="49" />
        <source>{0} opened, waiting for data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="50" />
        <source>{0} opened again, waiting for data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="51" />
        <source>{0}: epochs arriving</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="53" />
        <source>{0}: no epoch for {1} s; bytes arrive but no epoch (wrong baud rate, or no NMEA output?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="55" />
        <source>{0}: no epoch for {1} s; no data at all (receiver off, or not sending?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="56" />
        <source>{0}; retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="57" />
        <source>{0}; reconnecting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="58" />
        <source>raw log failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="59" />
        <source>{0} closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="62" />
        <source>job {0} is in use by {1} ({2}; PID {3} on host {4} since {5}); wait for it or close it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="64" />
        <source>job {0} is in use by this program ({1}); wait for it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="66" />
        <source>{0}: not enough free space to {1}: about {2} needed, {3} free; free some space (or move the job to a bigger disk) and try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="67" />
        <source>sealing a package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="68" />
        <source>importing a photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="69" />
        <source>saving a camera photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="70" />
        <source>starting an occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="71" />
        <source>import the photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="72" />
        <source>seal a package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="73" />
        <source>record the occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="74" />
        <source>open the job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="77" />
        <source>base point {0} is not in the job's control: type its position (latitude, longitude, ellipsoidal height in SRGI2013) or take it from the file header, or import it as a JKHN or BM control point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="79" />
        <source>base point {0} has no height in the job's control: type its position (latitude, longitude, ellipsoidal height in SRGI2013)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="81" />
        <source>no observation session on point {0} in the job: add the session first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="83" />
        <source>{0}: no navigation data: add the broadcast ephemeris (a RINEX navigation file, .nav or .YYn) to the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="85" />
        <source>{0}: no common epochs with the base {1}: rover {2} to {3}, base {4} to {5} (GPS time)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="87" />
        <source>{0}: no solution against {1}: RTKLIB solved no epoch (too few common satellites above the mask, or epochs that do not pair)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="88" />
        <source>RTKLIB's {0} not found; {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="91" />
        <source>date {0}: in the future (today is {1})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="93" />
        <source>date {0}: before marker {1} was installed ({2}, {3})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="95" />
        <source>vegetation cleared = yes for marker {0} needs a vegetation photo showing the cleared 1 m around the monument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="97" />
        <source>condition {0} of marker {1} needs at least one photo of what was found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="98" />
        <source>{0}: the same photo is given twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="100" />
        <source>{0}: already a photo of the inspection of marker {1} on {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="102" />
        <source>{0}: the installation photo {1} of marker {2}; take a new one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="104" />
        <source>marker {0} is {1}: {2}; only an installed or documented Tanda Batas is inspected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="106" />
        <source>its reinstallation opened {0} is not finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="107" />
        <source>it was never installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="109" />
        <source>check shot ({0}): no usable fix: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/errors.py" line="111" />
        <source>check shot ({0}): marker {1} is lost (hilang); nothing to measure</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GnssDisplay</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="58" />
        <source>Ground {0} m (grid {1} m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="68" />
        <source>Target {0}: E {1}  N {2} · azimuth {3} · {4}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="77" />
        <source>last direction of travel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="78" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="85" />
        <source>direction of travel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="79" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="96" />
        <source>Reference: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="80" />
        <source>Forward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="80" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="81" />
        <source>Right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="81" />
        <source>Left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="89" />
        <source>Reference: north (direction of travel not known yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="90" />
        <source>Direction of travel not known yet — move a little</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="93" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="96" />
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="102" />
        <source>north</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="97" />
        <source>North</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="97" />
        <source>South</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="98" />
        <source>East</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_gnss.py" line="98" />
        <source>West</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GnssPanel</name>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="59" />
        <source>GNSS receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="79" />
        <source>Link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="80" />
        <source>Fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="81" />
        <source>Latest epoch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="82" />
        <source>Satellites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="83" />
        <source>Sigma</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="84" />
        <source>PDOP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="85" />
        <source>Corr. age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="86" />
        <source>NTRIP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="88" />
        <source>Raw log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="95" />
        <source>No data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="124" />
        <source>● recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="124" />
        <location filename="../../fieldapp/ui/gnss_panel.py" line="162" />
        <source>off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="150" />
        <source>not used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="158" />
        <source>offline, retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="159" />
        <source>connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="160" />
        <source>streaming, {0} kB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="161" />
        <source>refused by the caster</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="199" />
        <source>H {0} m{1} ({2})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Heights</name>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="23" />
        <source>no height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="26" />
        <source>h {0} m (ellipsoid) · H unknown (outside the geoid)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="30" />
        <source>h {0} m (ellipsoid) · H {1} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="33" />
        <source>h {0} m (ellipsoid) · H {1} m ({2})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="46" />
        <source>orthometric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="48" />
        <source>ellipsoidal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="78" />
        <source>dH {0} m ({1})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="91" />
        <source>Design: no design height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="93" />
        <source>Design ({0}): {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="100" />
        <source>Here: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="105" />
        <source>given as orthometric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/heights.py" line="107" />
        <source>given as ellipsoidal</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="130" />
        <source>Inspection of marker {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="139" />
        <source>(not recorded)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="147" />
        <source>Vegetation cleared within 1 m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="149" />
        <source>photo of the cleared ground</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="150" />
        <source>Photo…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="153" />
        <source>e.g. path overgrown, passable on foot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="155" />
        <source>e.g. paint renewed, concrete patched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="160" />
        <source>Photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="160" />
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="165" />
        <source>Add photos…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="167" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="176" />
        <source>Measure from the receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="178" />
        <source>Discard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="182" />
        <source>Optional: the pole on the monument, {0} epochs averaged; or later with `fieldapp marker inspect` from a capture or a total-station file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="193" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="194" />
        <source>Surveyor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="195" />
        <source>Condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="200" />
        <source>Vegetation photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="201" />
        <source>Access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="202" />
        <source>Action taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="203" />
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="210" />
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="407" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="212" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="216" />
        <source>Marker {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="218" />
        <source>Photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="222" />
        <source>Check shot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="224" />
        <source>Pole height (vertical)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="248" />
        <source>Photo of the cleared vegetation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="256" />
        <source>Photos of the marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="290" />
        <source>Connect the receiver first (toolbar: Connect).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="298" />
        <source>Measuring: keep the pole still… 0 of {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="309" />
        <source>Measuring: keep the pole still… {0} of {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="320" />
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="323" />
        <source>Not usable: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="328" />
        <source>Measured: {0}, σH {1} m; the difference to the installed position is computed when saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="337" />
        <source>No check shot.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="391" />
        <source>The job is read-only: nothing can be recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="398" />
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_dialog.py" line="410" />
        <source>Not saved: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstallationView</name>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="126" />
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="126" />
        <source>Photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="126" />
        <source>Witnesses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="263" />
        <source>Add photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="124" />
        <source>Marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="125" />
        <source>Marker to document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="127" />
        <source>Heights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="157" />
        <source>Not staked yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="160" />
        <source>Not staked yet: stake it out before documenting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="164" />
        <source>Reinstallation: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="204" />
        <source>Marker not staked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="206" />
        <source>Marker {0} has no stake yet (status: planned). Photos, witnesses and a description should describe a marker that has been set. Document it anyway?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="209" />
        <source>Document anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="210" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="232" />
        <source>Photo not added: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="234" />
        <location filename="../../fieldapp/ui/installation_view.py" line="237" />
        <source>{0} photo(s) saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="255" />
        <location filename="../../fieldapp/ui/installation_view.py" line="290" />
        <source>Retake photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="256" />
        <source>The current photo is withdrawn and kept in the job's history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="257" />
        <source>Choose the new photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="258" />
        <location filename="../../fieldapp/ui/installation_view.py" line="293" />
        <source>retaken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="263" />
        <source>Images ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="277" />
        <source>Photo not replaced: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="279" />
        <source>Photo replaced; the earlier one is withdrawn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="291" />
        <source>A new capture for this direction withdraws the current photo.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="292" />
        <source>Open the camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="309" />
        <source>Photo withdrawn: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="318" />
        <source>Withdraw photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="319" />
        <source>Photo {0} ({1}) is marked withdrawn; the file stays in the job.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="322" />
        <source>Withdraw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="346" />
        <source>Photo not moved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="349" />
        <source>Photo moved to marker {0}, {1}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="198" />
        <source>Choose a marker first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstrumentDialog</name>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="61" />
        <source>Total station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="70" />
        <source>Serial / Bluetooth port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="71" />
        <source>TCP (Wi-Fi)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="75" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="84" />
        <source>Protocol</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="85" />
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="86" />
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="87" />
        <source>Baud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="88" />
        <source>TCP host:port</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <location filename="../../fieldapp/ui/live.py" line="65" />
        <source>No data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/live.py" line="66" />
        <source>No data since {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/live.py" line="75" />
        <source>{0} s ago</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LiveReadout</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>Fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>σH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>From design</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="348" />
        <source>Latest epoch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="387" />
        <source>stake {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="370" />
        <source>live</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="57" />
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="59" />
        <source>Open job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="60" />
        <source>New job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="61" />
        <source>Recent jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="62" />
        <source>Receiver…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="63" />
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="64" />
        <source>Disconnect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="65" />
        <source>Bahasa / English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="66" />
        <source>Day / night</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="67" />
        <source>More</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/toolbar.py" line="68" />
        <source>Compliance calendar</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="180" />
        <source>Open job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="166" />
        <location filename="../../fieldapp/ui/main_window.py" line="172" />
        <source>New job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="149" />
        <source>Open a job or create a new one (toolbar above).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="151" />
        <location filename="../../fieldapp/ui/main_window.py" line="531" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="158" />
        <source>Open job (*.fieldapp folder)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="163" />
        <source>Folder for the new job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="166" />
        <source>Job name (WIUP)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="198" />
        <source>read-only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="289" />
        <source>Open a job first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="533" />
        <source>Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="534" />
        <source>Stake-out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="535" />
        <source>Occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="536" />
        <source>Installation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="537" />
        <source>Maintenance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="538" />
        <source>Planning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="540" />
        <source>Outbox</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="541" />
        <source>Documents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="349" />
        <source>Markers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="130" />
        <source>GNSS status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="350" />
        <source>Boundary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="351" />
        <location filename="../../fieldapp/ui/main_window.py" line="539" />
        <source>Control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="381" />
        <source>Point {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="425" />
        <source>Cannot connect: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MaintenanceTexts</name>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="18" />
        <source>good</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="19" />
        <source>damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="20" />
        <source>pulled out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="21" />
        <source>lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="22" />
        <source>moved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="38" />
        <source>North</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="39" />
        <source>East</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="40" />
        <source>South</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="41" />
        <source>West</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="42" />
        <source>Close-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="43" />
        <source>Vegetation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="50" />
        <source>Planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="51" />
        <source>Staked out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="52" />
        <source>Installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="53" />
        <source>Documented</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="54" />
        <source>Inspected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="55" />
        <source>Found damaged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="56" />
        <source>Found lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="57" />
        <source>Found moved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="58" />
        <source>Reinstallation opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="61" />
        <source>Reinstalled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_texts.py" line="62" />
        <source>Reinstallation cancelled</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="204" />
        <source>Record inspection…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <source>Marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <source>Inspected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="206" />
        <source>Days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="207" />
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Check shot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="207" />
        <source>Reinstallation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="209" />
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="209" />
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="209" />
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="211" />
        <source>Surveyor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="213" />
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="214" />
        <source>Inspections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="267" />
        <source>never inspected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="276" />
        <source>{0} (over 6 months ago)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="287" />
        <source>open since {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="290" />
        <source>done {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="302" />
        <source>passed, {0} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="305" />
        <source>FAILED, {0} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="308" />
        <source>ΔN {0} m, ΔE {1} m, tolerance {2} m; {3}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="320" />
        <source>No installed marker yet: nothing to maintain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="323" />
        <source>{0} markers · {1} never inspected · {2} not inspected for over 6 months · today {3}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="356" />
        <source>Marker {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="391" />
        <source>No inspection recorded for this marker yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="394" />
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="394" />
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="396" />
        <source>Vegetation cleared within 1 m: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="397" />
        <source>Access: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="398" />
        <source>Action taken: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="401" />
        <source>Note: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="421" />
        <source>no photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="431" />
        <source>(cannot be shown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/maintenance_view.py" line="460" />
        <source>Inspection of {0} on {1} saved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MapBackgrounds</name>
    <message>
        <location filename="../../fieldapp/ui/background_panel.py" line="281" />
        <source>Background map not shown: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MapNavigator</name>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="62" />
        <source>Zoom in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="63" />
        <source>Zoom out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="64" />
        <source>Whole WIUP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="65" />
        <source>Centre on my position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_nav.py" line="66" />
        <source>Follow my position</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="155" />
        <location filename="../../fieldapp/ui/map_view.py" line="164" />
        <source>Background map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="203" />
        <source>zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="205" />
        <source>Longitude (°)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="205" />
        <source>Latitude (°)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="207" />
        <source>Easting (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="207" />
        <source>Northing (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="461" />
        <source>Position: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="461" />
        <source>Position not live: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="147" />
        <location filename="../../fieldapp/ui/map_view.py" line="163" />
        <source>▲
N</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MeasureControl</name>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="173" />
        <source>Choose a target first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="175" />
        <source>No live position: connect the receiver first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="177" />
        <source>Too far from {0} ({1} m) to store its stake.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="187" />
        <source>Measuring {0}: only epochs that pass the profile count.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="190" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="204" />
        <source>{0} of {1} epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="206" />
        <source>{0} not precise enough</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="211" />
        <source>Measure &amp;&amp; save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="222" />
        <source>Stake of {0} saved: dN {1} m, dE {2} m, {3} m from design.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="95" />
        <source>Move photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="95" />
        <source>Move</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="97" />
        <source>Photo {0} of marker {1}. The same file is recorded where it belongs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="108" />
        <source>To marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="109" />
        <source>Direction</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NtripDialog</name>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="121" />
        <source>NTRIP profiles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="133" />
        <source>New profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="134" />
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="277" />
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="136" />
        <source>Saved profiles</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="148" />
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="374" />
        <source>Load mountpoints</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="156" />
        <source>2 (HTTP/1.1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="157" />
        <source>1 (old casters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="158" />
        <source>Send my position (GGA): needed for VRS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="160" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="160" />
        <source>Caster host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="160" />
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="161" />
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>Mountpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="161" />
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="162" />
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="162" />
        <source>NTRIP version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>Format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>Distance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="188" />
        <source>GGA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="198" />
        <source>Press “Load mountpoints” to ask the caster.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="203" />
        <source>Save profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="205" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="277" />
        <source>Delete the profile “{0}”?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="321" />
        <source>Profile “{0}” saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="327" />
        <source>{0}: this field is empty; fill it in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="328" />
        <source>{0}: type a whole number, not “{1}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="329" />
        <source>{0}: type a number from {2} to {3}, not “{1}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="331" />
        <source>{0}: only the name, without spaces, “/” or “http://” (you typed “{1}”).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="333" />
        <source>{0}: another profile is already called “{1}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="354" />
        <source>Cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="368" />
        <source>Asking {0}:{1} for its mountpoints…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="374" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="389" />
        <source>Mountpoints not loaded: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="394" />
        <source>yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="394" />
        <source>no</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="398" />
        <source>{0} km</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="410" />
        <source>The caster lists no mountpoints.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="413" />
        <source>{0} mountpoints; no position yet, so no distances. Tap one to use it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/ntrip_dialog.py" line="418" />
        <source>{0} mountpoints, nearest first. Tap one to use it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OccupationGuard</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="60" />
        <source>Not started: no live position from the receiver.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="66" />
        <source>its stake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="68" />
        <source>its design position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="70" />
        <source>Not started: the antenna is {0} from marker {1} ({2}); at most {3}. Set up over the marker first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="76" />
        <source>Not started: the antenna is moving at {0} m/s; at most {1} m/s. Hold the pole still.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OccupationView</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="202" />
        <source>Start occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="204" />
        <source>Stop and save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="205" />
        <source>Abandon</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="179" />
        <source>abandoned by the surveyor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="196" />
        <source>interrupted, abandoned by the surveyor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="219" />
        <source>(no marker)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="274" />
        <source>Occupation of marker {0} was interrupted ({1} epochs saved).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="298" />
        <location filename="../../fieldapp/ui/occupation_view.py" line="372" />
        <source>Choose a marker first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="305" />
        <source>No receiver connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="562" />
        <source>Antenna height after differs from before by {0} mm: check the setup.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="567" />
        <location filename="../../fieldapp/ui/occupation_view.py" line="599" />
        <source>Not saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="529" />
        <source>Used {0} / {1} epochs, {2} / {3} s, rejected {4}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="203" />
        <source>Base</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="325" />
        <source>Starting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="450" />
        <source>Saving the result…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="470" />
        <source>The occupation is still being saved; it can be recovered later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="485" />
        <source>Recording: waiting for epochs…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="494" />
        <location filename="../../fieldapp/ui/occupation_view.py" line="596" />
        <source>Occupation {0} abandoned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="511" />
        <source>Scatter so far: σH {0} m, σV {1} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="516" />
        <source>{0} epochs saved in the job.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="543" />
        <source>PASSED: {0} epochs, σH {1} m, {2} m from design</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="548" />
        <source>FAILED: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="552" />
        <source>Mean position of the mark: {0}°, {1}° · {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="557" />
        <source>Saved in the job (occupation {0}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OfficeBox</name>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="96" />
        <source>Office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="102" />
        <source>from the office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="103" />
        <source>Send automatically when there is signal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="106" />
        <source>Office address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/office_settings.py" line="108" />
        <source>Device token</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="60" />
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="61" />
        <source>Sealed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="62" />
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="63" />
        <source>Uploading</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="64" />
        <source>Sent to office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="65" />
        <source>Received by office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="66" />
        <source>In review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="67" />
        <source>Accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="68" />
        <source>Returned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="69" />
        <source>Rejected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="138" />
        <source>Seal package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="139" />
        <source>Send now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="141" />
        <source>Get office news</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="142" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="150" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="410" />
        <source>{0} / {1} MB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="151" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="413" />
        <source>{0} MB/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="161" />
        <source>Package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="162" />
        <source>Rev.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="163" />
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="164" />
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="165" />
        <source>Sealed at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="166" />
        <source>Updated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="167" />
        <source>Office notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="221" />
        <source>{0} MB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="240" />
        <source>Sealing the package…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="241" />
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="242" />
        <source>Getting the office's news…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="243" />
        <source>Checking the link to the office…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="244" />
        <source>Offline, waiting for signal ({0} to send)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="245" />
        <source>Automatic sending is off ({0} to send)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="246" />
        <source>Enter the office address and the device token to send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="251" />
        <source>{0} package(s) waiting to be sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="253" />
        <source>All sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="255" />
        <source>{0} awaiting review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="257" />
        <source>Nothing to send yet: seal a package first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="259" />
        <source>{0} returned: revise and seal again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="273" />
        <source>The office did not accept the device token ({0}). Check the token below; the office makes one with “fieldapp office device add”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="278" />
        <source>The office knows this laptop with another signing key: ask the office to register the device again. ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="282" />
        <source>The office refused {0}: {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="284" />
        <source>The office cannot be reached: {0}. Packages stay queued.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="288" />
        <source>The office had an internal error ({0}); try again later.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="291" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="478" />
        <source>Failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="348" />
        <source>Sealed revision {0} of package {1}: {2} files, {3} MB.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="358" />
        <source>Not sealed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="360" />
        <source>Sealing failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="370" />
        <location filename="../../fieldapp/ui/outbox_view.py" line="455" />
        <source>Enter the office address and the device token below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="426" />
        <source>Sent {0} package revision(s); the office has them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="438" />
        <source>Sending cancelled; it resumes where it stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="441" />
        <source>No link to the office: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="443" />
        <source>the package</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="468" />
        <source>Office news: {0} package revision(s) changed state.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="475" />
        <source>the inbox request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/outbox_view.py" line="540" />
        <source>No link to the office ({0}); next try in {1} s.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PhotoSlot</name>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="78" />
        <source>File…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="79" />
        <source>Camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="81" />
        <source>Move…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="82" />
        <source>Withdraw…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="95" />
        <source>Add:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="96" />
        <source>Add a photo file for this direction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="98" />
        <source>No photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="101" />
        <source>Retake:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="102" />
        <source>Replace with another file; this one is withdrawn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="103" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="106" />
        <source>+{0} older, still active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="107" />
        <source>Retake ({0} active):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_slots.py" line="113" />
        <source>Cannot be shown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="46" />
        <source>Run planner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="47" />
        <source>Accept plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="53" />
        <source>Corners, ≤ 500 m along neighbours, ≤ 100 m near pits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="57" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="111" />
        <location filename="../../fieldapp/ui/planning_view.py" line="130" />
        <source>Checking the boundary…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="133" />
        <source>Planning the markers…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="154" />
        <location filename="../../fieldapp/ui/planning_view.py" line="155" />
        <location filename="../../fieldapp/ui/planning_view.py" line="190" />
        <source>Planning failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="164" />
        <source>corner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="164" />
        <source>infill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="171" />
        <source>{0} markers ({1} corners, {2} infill)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="175" />
        <source>Boundary check: {0} errors (see `fieldapp job validate`)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="193" />
        <source>Plan stored: {0} markers.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="135" />
        <source>Print {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="155" />
        <source>e.g. copy for the office archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="156" />
        <source>Reason for this copy (printed on every page)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="169" />
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="171" />
        <source>Cancel printing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="173" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="174" />
        <source>Print as DRAF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="179" />
        <source>This print:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="214" />
        <source>Berita acara</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="215" />
        <source>Reinstallation berita acara</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="216" />
        <source>Marker descriptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="217" />
        <source>Stake-out report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="218" />
        <source>Other document</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="238" />
        <source>Cannot print</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="239" />
        <source>This document cannot be printed:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="249" />
        <source>Nomor {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="252" />
        <source>{0}, {1} pages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="258" />
        <source>Not final: printed as a DRAF (the watermark and the list of what is missing are on it), never as the original; the print is logged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="262" />
        <source>Free print</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="263" />
        <source>No original/copy rule for this document; the print is logged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="265" />
        <source>ORIGINAL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="267" />
        <source>First print of the final berita acara: the original to be signed. Every later print of it is stamped SALINAN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="273" />
        <source>The original was printed before: every page of this copy is stamped SALINAN ke-{0} with the reason and the date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="278" />
        <source>Warning: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="310" />
        <source>superseded by Nomor {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="312" />
        <source>Printed before:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="349" />
        <source>This document was printed meanwhile; check and print again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="354" />
        <source>Type the reason for this copy first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="426" />
        <source>Not printed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="440" />
        <source>Printed and logged: {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="443" />
        <source>free print</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="75" />
        <source>Cannot read {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="78" />
        <source>The printer did not accept the job.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="86" />
        <source>Printing cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="89" />
        <source>The printer refused page {0}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/print_dialog.py" line="103" />
        <source>The printer did not finish the job.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QualityProfileDialog</name>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="47" />
        <source>Stake-out quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="54" />
        <source>σH limit = tolerance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="62" />
        <source>Tolerance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="63" />
        <source>Required fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/quality_dialog.py" line="65" />
        <source>Largest measured σH</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RawObsPanel</name>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="111" />
        <source>Raw data logging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="112" />
        <source>Record raw data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="113" />
        <source>Stop recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="114" />
        <source>Bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="115" />
        <source>Epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="116" />
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="117" />
        <source>Switch a u-blox receiver to raw output, every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="136" />
        <source>Not recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="138" />
        <source>Connect a receiver to record its raw data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="151" />
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="207" />
        <source>Cannot record raw data: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="168" />
        <source>Setting up the receiver…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="183" />
        <source>Receiver set up for raw output ({0} acknowledged)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="190" />
        <source>The receiver did not acknowledge the raw output set-up: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="225" />
        <source>(no data yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="229" />
        <source>Recording stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="234" />
        <source>● Recording – no data arriving</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/rawobs_panel.py" line="237" />
        <source>● Recording</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="236" />
        <source>Accept a baseline that fails a rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="238" />
        <source>This baseline does not meet these rules:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/control_dialogs.py" line="243" />
        <source>Why it is accepted anyway (recorded with it)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordDialogs</name>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="45" />
        <source>Why? (kept in the job's history)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="50" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="68" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecoveryBox</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="315" />
        <source>Finish from saved epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="316" />
        <source>Abandon it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="142" />
        <source>Vertical (to the mark)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="143" />
        <source>Slant (to the antenna edge)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="144" />
        <source>Generic (no offset)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="145" />
        <source>Other: type radius and offset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="146" />
        <source>Antenna radius (m), for a slant height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="147" />
        <source>Phase-centre offset (m), from the calibration sheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="149" />
        <source>Antenna height (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="149" />
        <source>Measured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="149" />
        <source>Antenna model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="150" />
        <source>Radius / offset (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="154" />
        <source>Marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="155" />
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="157" />
        <source>standard (30 epochs, 30 s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="158" />
        <source>rapid re-check (10 epochs)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="159" />
        <source>strict (measured σ only, 60 s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="164" />
        <source>Finish when the requirement is met</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="167" />
        <source>Starts within {0} of the marker, standing still (≤ {1} m/s).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="207" />
        <source>Antenna height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="208" />
        <source>Antenna radius</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="209" />
        <source>Phase-centre offset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="222" />
        <source>{0}: type a number of metres from {1} to {2}, e.g. 1,800</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_panels.py" line="232" />
        <source>A slant height needs the antenna radius (greater than 0, less than the height): choose the model 'Other' and type it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StakeMeasurement</name>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="113" />
        <source>Measurement cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="115" />
        <source>Measurement failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="121" />
        <source>Measurement did not pass: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stake_measure.py" line="129" />
        <source>Stake not saved: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Stakeout</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="49" />
        <source>Not precise enough</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="56" />
        <source>no σH</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="58" />
        <source>σH invalid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="60" />
        <source>measured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="62" />
        <source>estimated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="73" />
        <source>Position not precise enough: {0}, {1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_readouts.py" line="81" />
        <source>Tolerance {0} m · {1} · σH ≤ {2} m</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StakeoutBar</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="34" />
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="38" />
        <source>Nearest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="41" />
        <source>GNSS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="42" />
        <source>Total station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="48" />
        <source>Measure &amp;&amp; save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="51" />
        <source>Sound</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="53" />
        <source>Speak</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="59" />
        <source>Change…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="63" />
        <source>Forward/right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_bar.py" line="64" />
        <source>North/east</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StakeoutView</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="122" />
        <source>Save stake</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="205" />
        <source>another target was chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="262" />
        <source>No position yet: orient the instrument and measure first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="264" />
        <source>No position yet: connect the receiver first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="269" />
        <source>Every marker is staked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="285" />
        <source>Profile not saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="288" />
        <source>Stake-out quality saved in the job.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="309" />
        <source>No position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="309" />
        <source>No target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="444" />
        <source>Right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="444" />
        <source>Left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="365" />
        <source>Spoken guidance needs espeak-ng, which is not installed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="389" />
        <source>cancelled on the stake-out tab</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="421" />
        <source>Set Hz {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="422" />
        <source>Not measured yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="423" />
        <source>HD {0} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="426" />
        <source>{0}: azimuth {1}, ground distance {2} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="441" />
        <source>Turn {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="443" />
        <source>Out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="443" />
        <source>In</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="449" />
        <source>Off {0} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="452" />
        <source>{0}: Hz {1}, HD {2} m (ground; grid = ground × {3}). Prism H {4}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="466" />
        <source>Instrument link lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="476" />
        <source>Measure the prism first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="484" />
        <source>Stake not saved: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="486" />
        <source>Stake of {0} saved: {1} m from the design position.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="523" />
        <source>the job was closed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="131" />
        <source>Station setup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="135" />
        <source>Instrument…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="139" />
        <source>Station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="144" />
        <source>Backsight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="149" />
        <source>Instr. ht (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="151" />
        <source>Prism ht (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="153" />
        <source>Measure backsight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="154" />
        <source>with distance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="158" />
        <source>Not oriented yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="165" />
        <source>Measure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="167" />
        <source>Track</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="204" />
        <source>Azimuth (DMS)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="225" />
        <source>{0}: type a number of metres, e.g. 1,550</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="230" />
        <source>Prism height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="235" />
        <source>Setup changed: measure the backsight again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="245" />
        <location filename="../../fieldapp/ui/station_panel.py" line="253" />
        <location filename="../../fieldapp/ui/station_panel.py" line="315" />
        <source>Instrument: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="248" />
        <location filename="../../fieldapp/ui/station_panel.py" line="261" />
        <source>Choose the instrument's port first (Instrument…).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="256" />
        <source>Instrument ready: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="264" />
        <source>The instrument is still measuring…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="266" />
        <source>Measuring…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="272" />
        <source>Choose the station (a control point).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="274" />
        <location filename="../../fieldapp/ui/station_panel.py" line="343" />
        <source>Instrument height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="280" />
        <source>Backsight azimuth: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="283" />
        <source>azimuth {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="287" />
        <source>Choose a backsight point other than the station.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="294" />
        <source>Measure the backsight first: the instrument is not oriented.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="318" />
        <source>Instrument link lost: {0}. Press Measure to reconnect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="332" />
        <source>Measured.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="360" />
        <source>Oriented on {0}: Hz {1}, orientation {2}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="364" />
        <source>Backsight distance residual {0} m</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/station_panel.py" line="368" />
        <source>Oriented. Aim at the prism and press Measure or Track.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="60" />
        <source>No data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="77" />
        <location filename="../../fieldapp/ui/status_strip.py" line="85" />
        <source>Satellites {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="78" />
        <location filename="../../fieldapp/ui/status_strip.py" line="92" />
        <source>σH {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="79" />
        <location filename="../../fieldapp/ui/status_strip.py" line="103" />
        <source>Corr. {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="94" />
        <source>σH {0} m ({1})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="98" />
        <source>σH {0} m · σV {1} m ({2})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="107" />
        <source>Link: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/status_strip.py" line="115" />
        <source>Epoch {0}, {1}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="32" />
        <source>RTK Fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="33" />
        <source>RTK Float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="34" />
        <source>DGPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="35" />
        <source>Autonomous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="36" />
        <source>PPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="37" />
        <source>Dead reckoning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="38" />
        <source>Manual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="39" />
        <source>Simulation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="42" />
        <source>No fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="46" />
        <source>Unknown ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="51" />
        <source>measured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="53" />
        <source>estimated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="54" />
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="60" />
        <source>Connecting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="61" />
        <source>Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="62" />
        <source>No data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="63" />
        <source>Lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="64" />
        <location filename="../../fieldapp/ui/texts.py" line="65" />
        <location filename="../../fieldapp/ui/texts.py" line="67" />
        <source>Disconnected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="73" />
        <source>planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="74" />
        <source>staked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="75" />
        <source>installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="76" />
        <source>documented</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="82" />
        <source>Far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="83" />
        <source>Near</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="84" />
        <source>Within tolerance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="92" />
        <source>no time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="93" />
        <source>no position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="94" />
        <source>position or height not a plausible number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="97" />
        <source>not RTK fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="98" />
        <source>no height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="99" />
        <source>no sigma</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="100" />
        <source>sigma only estimated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="101" />
        <source>horizontal sigma too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="102" />
        <source>vertical sigma too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="103" />
        <source>no PDOP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="104" />
        <source>PDOP too high</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="105" />
        <source>duplicate time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="106" />
        <source>outlier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="114" />
        <source>no usable epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="115" />
        <source>too few epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="116" />
        <source>too short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="117" />
        <source>horizontal scatter too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="118" />
        <source>vertical scatter too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="126" />
        <source>North</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="127" />
        <source>East</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="128" />
        <source>South</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="129" />
        <source>West</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="130" />
        <source>Close-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="138" />
        <source>District/village officer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="141" />
        <source>Neighbouring permit holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="144" />
        <source>Other-sector permit holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="147" />
        <source>Land-right holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="148" />
        <source>Forestry officer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="149" />
        <source>Other-commodity permit holder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WitnessDialog</name>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="119" />
        <source>Edit witness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="119" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="120" />
        <source>The earlier entry is kept in the history, marked withdrawn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="127" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="128" />
        <source>Institution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/record_dialogs.py" line="129" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WitnessPage</name>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="101" />
        <source>Pick from the list…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="104" />
        <source>Add witness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="105" />
        <source>New witness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="106" />
        <source>Witnesses of this marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="107" />
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="108" />
        <source>Withdraw…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Known</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Institution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="109" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="136" />
        <source>{0} withdrawn entries kept in the history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="177" />
        <source>Witness saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="200" />
        <source>Witness corrected; the earlier entry is withdrawn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="209" />
        <source>Withdraw witness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="210" />
        <source>{0} ({1}) is marked withdrawn and kept in the history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="213" />
        <source>Withdraw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_pages.py" line="225" />
        <source>Witness withdrawn: {0}</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>