<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Bullseye</name>
    <message>
        <location filename="../../fieldapp/ui/widgets.py" line="94" />
        <source>{0} m per ring</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="94" />
        <source>Receiver and instrument</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="99" />
        <source>Simulator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="100" />
        <source>Serial / Bluetooth port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="101" />
        <source>TCP (Wi-Fi)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="102" />
        <source>Replay a capture file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="109" />
        <source>Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="119" />
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="124" />
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="133" />
        <source>Receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="134" />
        <source>Port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="135" />
        <source>Baud</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="136" />
        <source>TCP host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="137" />
        <source>Replay file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="138" />
        <source>NTRIP profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="139" />
        <source>Total-station port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="140" />
        <source>Total-station protocol</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="164" />
        <source>Capture file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>GnssPanel</name>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="23" />
        <source>GNSS receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="36" />
        <source>Link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="37" />
        <source>Fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="38" />
        <source>Satellites</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="39" />
        <source>Sigma</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="40" />
        <source>PDOP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="41" />
        <source>Corr. age</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="42" />
        <source>Raw log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="52" />
        <source>● recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="52" />
        <source>off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="80" />
        <source>H {0} m{1} ({2})</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InstallationView</name>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="61" />
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="64" />
        <source>Village</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="64" />
        <source>District</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="65" />
        <source>Regency/city</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="65" />
        <source>Province</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="66" />
        <source>Access</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="66" />
        <source>Condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="67" />
        <source>Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="75" />
        <source>Save description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="78" />
        <source>Photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="84" />
        <source>Add photo files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="85" />
        <source>Camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="88" />
        <source>No camera on this machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="96" />
        <source>Witnesses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="99" />
        <source>Pick from the list…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="105" />
        <source>Add witness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="107" />
        <source>Known</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="108" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="109" />
        <source>Institution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="110" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="114" />
        <source>Reference marker (point cannot take a marker)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="115" />
        <source>Record current position as reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="119" />
        <source>Berita acara checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="140" />
        <source>Take the photo with the camera app, then add the file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="151" />
        <source>(no marker)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="178" />
        <source>Occupation passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="179" />
        <source>Staked position recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="180" />
        <source>Description complete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="184" />
        <source>Photos missing: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="186" />
        <source>All photo directions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="189" />
        <source>Witnesses missing: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="191" />
        <source>Witnesses present</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="201" />
        <source>Description saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="206" />
        <source>Add photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="206" />
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="222" />
        <source>Photo not added: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="224" />
        <source>{0} photo(s) saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="250" />
        <source>Witness saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="258" />
        <source>No position yet: connect the receiver first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="264" />
        <source>Reference marker saved: azimuth {0}°, distance {1} m</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="81" />
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="91" />
        <location filename="../../fieldapp/ui/main_window.py" line="142" />
        <source>Open job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="92" />
        <location filename="../../fieldapp/ui/main_window.py" line="128" />
        <location filename="../../fieldapp/ui/main_window.py" line="134" />
        <source>New job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="93" />
        <source>Recent jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="96" />
        <source>Receiver…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="97" />
        <source>Connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="98" />
        <source>Disconnect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="100" />
        <source>Bahasa / English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="101" />
        <source>Day / night</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="111" />
        <source>Open a job or create a new one (toolbar above).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="113" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="120" />
        <source>Open job (*.fieldapp folder)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="125" />
        <source>Folder for the new job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="128" />
        <source>Job name (WIUP)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="162" />
        <source>Map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="163" />
        <source>Stake-out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="164" />
        <source>Occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="165" />
        <source>Installation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="166" />
        <source>Planning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="194" />
        <source>Markers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="195" />
        <source>Boundary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="196" />
        <source>Control</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="214" />
        <source>Point {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="255" />
        <source>Cannot connect: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="294" />
        <source>Language changes fully after a restart.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="65" />
        <source>Easting (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="66" />
        <source>Northing (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="81" />
        <source>▲
N</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OccupationView</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="50" />
        <source>Finish when the requirement is met</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="53" />
        <source>Marker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="54" />
        <source>Antenna height (m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="55" />
        <source>Profile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="57" />
        <source>Start occupation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="59" />
        <source>Stop and save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="91" />
        <source>(no marker)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="100" />
        <source>Choose a marker first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="106" />
        <source>Antenna height: type a number of metres, e.g. 1,800</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="111" />
        <source>No receiver connected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="134" />
        <source>Used {0} / {1} epochs, {2} / {3} s, rejected {4}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="162" />
        <source>PASSED: {0} epochs, σH {1} m, {2} m from design</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="167" />
        <source>FAILED: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="169" />
        <source>Saved in the job (occupation {0}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="31" />
        <source>Run planner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="32" />
        <source>Accept plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="35" />
        <source>Corners, ≤ 500 m along neighbours, ≤ 100 m near pits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="63" />
        <source>Planning failed: {0}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="70" />
        <source>corner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="70" />
        <source>infill</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="77" />
        <source>{0} markers ({1} corners, {2} infill)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="89" />
        <source>Plan stored: {0} markers.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StakeoutView</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="58" />
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="62" />
        <source>Nearest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="64" />
        <source>Forward/right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="65" />
        <source>North/east</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="69" />
        <source>Total station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="155" />
        <source>No position yet: connect the receiver first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="160" />
        <source>Every marker is staked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="172" />
        <source>No position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="172" />
        <source>No target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="194" />
        <source>Ground {0} m (grid {1} m)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="198" />
        <source>Forward</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="198" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="199" />
        <location filename="../../fieldapp/ui/stakeout_view.py" line="214" />
        <source>Right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="199" />
        <location filename="../../fieldapp/ui/stakeout_view.py" line="214" />
        <source>Left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="205" />
        <source>North</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="205" />
        <source>South</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="206" />
        <source>East</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="206" />
        <source>West</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="213" />
        <source>Out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="213" />
        <source>In</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="215" />
        <source>Turn {0}°  {1} {2} m  {3} {4} m</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="17" />
        <source>RTK Fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="18" />
        <source>RTK Float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="19" />
        <source>DGPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="20" />
        <source>Autonomous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="21" />
        <source>PPS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="22" />
        <source>Dead reckoning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="23" />
        <source>Manual</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="24" />
        <source>Simulation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="27" />
        <source>No fix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="31" />
        <source>Unknown ({0})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="36" />
        <source>measured</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="38" />
        <source>estimated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="39" />
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="45" />
        <source>Connecting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="46" />
        <source>Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="47" />
        <source>No data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="48" />
        <source>Lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="49" />
        <location filename="../../fieldapp/ui/texts.py" line="50" />
        <location filename="../../fieldapp/ui/texts.py" line="52" />
        <source>Disconnected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="58" />
        <source>planned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="59" />
        <source>staked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="60" />
        <source>installed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="61" />
        <source>documented</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="67" />
        <source>Far</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="68" />
        <source>Near</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="69" />
        <source>Within tolerance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="75" />
        <source>no time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="76" />
        <source>no position</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="77" />
        <source>not RTK fixed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="78" />
        <source>no height</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="79" />
        <source>no sigma</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="80" />
        <source>sigma only estimated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="81" />
        <source>horizontal sigma too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="82" />
        <source>vertical sigma too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="83" />
        <source>no PDOP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="84" />
        <source>PDOP too high</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="85" />
        <source>duplicate time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="86" />
        <source>outlier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="92" />
        <source>no usable epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="93" />
        <source>too few epochs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="94" />
        <source>too short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="95" />
        <source>horizontal scatter too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="96" />
        <source>vertical scatter too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="102" />
        <source>North</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="103" />
        <source>East</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="104" />
        <source>South</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="105" />
        <source>West</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="106" />
        <source>Close-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="112" />
        <source>District/village officer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="115" />
        <source>Neighbouring permit holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="118" />
        <source>Other-sector permit holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="121" />
        <source>Land-right holder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="122" />
        <source>Forestry officer</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>