<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>Bullseye</name>
    <message>
        <location filename="../../fieldapp/ui/widgets.py" line="94" />
        <source>{0} m per ring</source>
        <translation>{0} m per lingkaran</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="94" />
        <source>Receiver and instrument</source>
        <translation>Receiver dan instrumen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="99" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="100" />
        <source>Serial / Bluetooth port</source>
        <translation>Port serial / Bluetooth</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="101" />
        <source>TCP (Wi-Fi)</source>
        <translation>TCP (Wi-Fi)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="102" />
        <source>Replay a capture file</source>
        <translation>Putar ulang file rekaman</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="109" />
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="119" />
        <source>Browse…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="124" />
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="133" />
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="134" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="135" />
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="136" />
        <source>TCP host</source>
        <translation>Host TCP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="137" />
        <source>Replay file</source>
        <translation>File putar ulang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="138" />
        <source>NTRIP profile</source>
        <translation>Profil NTRIP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="139" />
        <source>Total-station port</source>
        <translation>Port total station</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="140" />
        <source>Total-station protocol</source>
        <translation>Protokol total station</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/device_dialog.py" line="164" />
        <source>Capture file</source>
        <translation>File rekaman</translation>
    </message>
</context>
<context>
    <name>GnssPanel</name>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="23" />
        <source>GNSS receiver</source>
        <translation>Receiver GNSS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="36" />
        <source>Link</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="37" />
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="38" />
        <source>Satellites</source>
        <translation>Satelit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="39" />
        <source>Sigma</source>
        <translation>Sigma</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="40" />
        <source>PDOP</source>
        <translation>PDOP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="41" />
        <source>Corr. age</source>
        <translation>Umur koreksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="42" />
        <source>Raw log</source>
        <translation>Log mentah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="52" />
        <source>● recording</source>
        <translation>● merekam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="52" />
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/gnss_panel.py" line="80" />
        <source>H {0} m{1} ({2})</source>
        <translation>H {0} m{1} ({2})</translation>
    </message>
</context>
<context>
    <name>InstallationView</name>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="61" />
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="64" />
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="64" />
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="65" />
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="65" />
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="66" />
        <source>Access</source>
        <translation>Akses</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="66" />
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="67" />
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="75" />
        <source>Save description</source>
        <translation>Simpan deskripsi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="78" />
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="84" />
        <source>Add photo files…</source>
        <translation>Tambah file foto…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="85" />
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="88" />
        <source>No camera on this machine</source>
        <translation>Tidak ada kamera di perangkat ini</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="96" />
        <source>Witnesses</source>
        <translation>Saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="99" />
        <source>Pick from the list…</source>
        <translation>Pilih dari daftar…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="105" />
        <source>Add witness</source>
        <translation>Tambah saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="107" />
        <source>Known</source>
        <translation>Daftar saksi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="108" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="109" />
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="110" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="114" />
        <source>Reference marker (point cannot take a marker)</source>
        <translation>Tanda Batas Referensi (titik tidak dapat dipasang)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="115" />
        <source>Record current position as reference</source>
        <translation>Simpan posisi sekarang sebagai referensi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="119" />
        <source>Berita acara checklist</source>
        <translation>Kelengkapan berita acara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="140" />
        <source>Take the photo with the camera app, then add the file.</source>
        <translation>Ambil foto dengan aplikasi kamera, lalu tambahkan filenya.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="151" />
        <source>(no marker)</source>
        <translation>(belum ada tanda batas)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="178" />
        <source>Occupation passed</source>
        <translation>Pengamatan lulus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="179" />
        <source>Staked position recorded</source>
        <translation>Posisi stake out tercatat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="180" />
        <source>Description complete</source>
        <translation>Deskripsi lengkap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="184" />
        <source>Photos missing: {0}</source>
        <translation>Foto belum ada: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="186" />
        <source>All photo directions</source>
        <translation>Foto semua arah lengkap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="189" />
        <source>Witnesses missing: {0}</source>
        <translation>Saksi belum ada: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="191" />
        <source>Witnesses present</source>
        <translation>Saksi lengkap</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="201" />
        <source>Description saved.</source>
        <translation>Deskripsi tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="206" />
        <source>Add photos</source>
        <translation>Tambah foto</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="206" />
        <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="222" />
        <source>Photo not added: {0}</source>
        <translation>Foto tidak ditambahkan: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="224" />
        <source>{0} photo(s) saved.</source>
        <translation>{0} foto tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="250" />
        <source>Witness saved.</source>
        <translation>Saksi tersimpan.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="258" />
        <source>No position yet: connect the receiver first.</source>
        <translation>Belum ada posisi: hubungkan receiver dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/installation_view.py" line="264" />
        <source>Reference marker saved: azimuth {0}°, distance {1} m</source>
        <translation>Tanda Batas Referensi tersimpan: azimut {0}°, jarak {1} m</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="81" />
        <source>Main</source>
        <translation>Utama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="91" />
        <location filename="../../fieldapp/ui/main_window.py" line="142" />
        <source>Open job</source>
        <translation>Buka pekerjaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="92" />
        <location filename="../../fieldapp/ui/main_window.py" line="128" />
        <location filename="../../fieldapp/ui/main_window.py" line="134" />
        <source>New job</source>
        <translation>Pekerjaan baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="93" />
        <source>Recent jobs</source>
        <translation>Pekerjaan terakhir</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="96" />
        <source>Receiver…</source>
        <translation>Receiver…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="97" />
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="98" />
        <source>Disconnect</source>
        <translation>Putuskan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="100" />
        <source>Bahasa / English</source>
        <translation>Bahasa / English</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="101" />
        <source>Day / night</source>
        <translation>Siang / malam</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="111" />
        <source>Open a job or create a new one (toolbar above).</source>
        <translation>Buka pekerjaan atau buat yang baru (bilah alat di atas).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="113" />
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="120" />
        <source>Open job (*.fieldapp folder)</source>
        <translation>Buka pekerjaan (folder *.fieldapp)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="125" />
        <source>Folder for the new job</source>
        <translation>Folder untuk pekerjaan baru</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="128" />
        <source>Job name (WIUP)</source>
        <translation>Nama pekerjaan (WIUP)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="162" />
        <source>Map</source>
        <translation>Peta</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="163" />
        <source>Stake-out</source>
        <translation>Stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="164" />
        <source>Occupation</source>
        <translation>Pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="165" />
        <source>Installation</source>
        <translation>Pemasangan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="166" />
        <source>Planning</source>
        <translation>Perencanaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="194" />
        <source>Markers</source>
        <translation>Tanda Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="195" />
        <source>Boundary</source>
        <translation>Titik Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="196" />
        <source>Control</source>
        <translation>Kontrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="214" />
        <source>Point {0}</source>
        <translation>Titik {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="255" />
        <source>Cannot connect: {0}</source>
        <translation>Tidak dapat terhubung: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="294" />
        <source>Language changes fully after a restart.</source>
        <translation>Bahasa berubah sepenuhnya setelah aplikasi dibuka ulang.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="65" />
        <source>Easting (m)</source>
        <translation>Easting (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="66" />
        <source>Northing (m)</source>
        <translation>Northing (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map_view.py" line="81" />
        <source>▲
N</source>
        <translation>▲
U</translation>
    </message>
</context>
<context>
    <name>OccupationView</name>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="50" />
        <source>Finish when the requirement is met</source>
        <translation>Selesai otomatis bila syarat terpenuhi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="53" />
        <source>Marker</source>
        <translation>Tanda Batas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="54" />
        <source>Antenna height (m)</source>
        <translation>Tinggi antena (m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="55" />
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="57" />
        <source>Start occupation</source>
        <translation>Mulai pengamatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="59" />
        <source>Stop and save</source>
        <translation>Berhenti dan simpan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="91" />
        <source>(no marker)</source>
        <translation>(belum ada tanda batas)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="100" />
        <source>Choose a marker first.</source>
        <translation>Pilih tanda batas terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="106" />
        <source>Antenna height: type a number of metres, e.g. 1,800</source>
        <translation>Tinggi antena: isi angka dalam meter, mis. 1,800</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="111" />
        <source>No receiver connected.</source>
        <translation>Receiver belum terhubung.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="134" />
        <source>Used {0} / {1} epochs, {2} / {3} s, rejected {4}</source>
        <translation>Dipakai {0} / {1} epoch, {2} / {3} dtk, ditolak {4}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="162" />
        <source>PASSED: {0} epochs, σH {1} m, {2} m from design</source>
        <translation>LULUS: {0} epoch, σH {1} m, {2} m dari desain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="167" />
        <source>FAILED: {0}</source>
        <translation>GAGAL: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/occupation_view.py" line="169" />
        <source>Saved in the job (occupation {0}).</source>
        <translation>Tersimpan di pekerjaan (pengamatan {0}).</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="31" />
        <source>Run planner</source>
        <translation>Jalankan perencanaan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="32" />
        <source>Accept plan</source>
        <translation>Terima rencana</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="35" />
        <source>Corners, ≤ 500 m along neighbours, ≤ 100 m near pits.</source>
        <translation>Sudut, ≤ 500 m di batas tetangga, ≤ 100 m dekat pit.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Line</source>
        <translation>Garis</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="39" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="63" />
        <source>Planning failed: {0}</source>
        <translation>Perencanaan gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="70" />
        <source>corner</source>
        <translation>sudut</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="70" />
        <source>infill</source>
        <translation>sisipan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="77" />
        <source>{0} markers ({1} corners, {2} infill)</source>
        <translation>{0} tanda batas ({1} sudut, {2} sisipan)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/planning_view.py" line="89" />
        <source>Plan stored: {0} markers.</source>
        <translation>Rencana tersimpan: {0} tanda batas.</translation>
    </message>
</context>
<context>
    <name>StakeoutView</name>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="58" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="62" />
        <source>Nearest</source>
        <translation>Terdekat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="64" />
        <source>Forward/right</source>
        <translation>Maju/kanan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="65" />
        <source>North/east</source>
        <translation>Utara/timur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="69" />
        <source>Total station</source>
        <translation>Total station</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="155" />
        <source>No position yet: connect the receiver first.</source>
        <translation>Belum ada posisi: hubungkan receiver dahulu.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="160" />
        <source>Every marker is staked.</source>
        <translation>Semua tanda batas sudah di-stake out.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="172" />
        <source>No position</source>
        <translation>Tidak ada posisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="172" />
        <source>No target</source>
        <translation>Tidak ada target</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="194" />
        <source>Ground {0} m (grid {1} m)</source>
        <translation>Lapangan {0} m (grid {1} m)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="198" />
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="198" />
        <source>Back</source>
        <translation>Mundur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="199" />
        <location filename="../../fieldapp/ui/stakeout_view.py" line="214" />
        <source>Right</source>
        <translation>Kanan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="199" />
        <location filename="../../fieldapp/ui/stakeout_view.py" line="214" />
        <source>Left</source>
        <translation>Kiri</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="205" />
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="205" />
        <source>South</source>
        <translation>Selatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="206" />
        <source>East</source>
        <translation>Timur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="206" />
        <source>West</source>
        <translation>Barat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="213" />
        <source>Out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="213" />
        <source>In</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/stakeout_view.py" line="215" />
        <source>Turn {0}°  {1} {2} m  {3} {4} m</source>
        <translation>Putar {0}°  {1} {2} m  {3} {4} m</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="17" />
        <source>RTK Fixed</source>
        <translation>RTK Fixed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="18" />
        <source>RTK Float</source>
        <translation>RTK Float</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="19" />
        <source>DGPS</source>
        <translation>DGPS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="20" />
        <source>Autonomous</source>
        <translation>Autonomous</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="21" />
        <source>PPS</source>
        <translation>PPS</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="22" />
        <source>Dead reckoning</source>
        <translation>Dead reckoning</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="23" />
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="24" />
        <source>Simulation</source>
        <translation>Simulasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="27" />
        <source>No fix</source>
        <translation>Tidak ada fix</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="31" />
        <source>Unknown ({0})</source>
        <translation>Tidak dikenal ({0})</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="36" />
        <source>measured</source>
        <translation>terukur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="38" />
        <source>estimated</source>
        <translation>estimasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="39" />
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="45" />
        <source>Connecting</source>
        <translation>Menghubungkan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="46" />
        <source>Live</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="47" />
        <source>No data</source>
        <translation>Tidak ada data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="48" />
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="49" />
        <location filename="../../fieldapp/ui/texts.py" line="50" />
        <location filename="../../fieldapp/ui/texts.py" line="52" />
        <source>Disconnected</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="58" />
        <source>planned</source>
        <translation>direncanakan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="59" />
        <source>staked</source>
        <translation>di-stake out</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="60" />
        <source>installed</source>
        <translation>terpasang</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="61" />
        <source>documented</source>
        <translation>terdokumentasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="67" />
        <source>Far</source>
        <translation>Jauh</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="68" />
        <source>Near</source>
        <translation>Dekat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="69" />
        <source>Within tolerance</source>
        <translation>Dalam toleransi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="75" />
        <source>no time</source>
        <translation>tanpa waktu</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="76" />
        <source>no position</source>
        <translation>tanpa posisi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="77" />
        <source>not RTK fixed</source>
        <translation>bukan RTK fixed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="78" />
        <source>no height</source>
        <translation>tanpa tinggi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="79" />
        <source>no sigma</source>
        <translation>tanpa sigma</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="80" />
        <source>sigma only estimated</source>
        <translation>sigma hanya estimasi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="81" />
        <source>horizontal sigma too large</source>
        <translation>sigma horizontal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="82" />
        <source>vertical sigma too large</source>
        <translation>sigma vertikal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="83" />
        <source>no PDOP</source>
        <translation>tanpa PDOP</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="84" />
        <source>PDOP too high</source>
        <translation>PDOP terlalu tinggi</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="85" />
        <source>duplicate time</source>
        <translation>waktu ganda</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="86" />
        <source>outlier</source>
        <translation>pencilan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="92" />
        <source>no usable epochs</source>
        <translation>tidak ada epoch yang layak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="93" />
        <source>too few epochs</source>
        <translation>epoch terlalu sedikit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="94" />
        <source>too short</source>
        <translation>terlalu singkat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="95" />
        <source>horizontal scatter too large</source>
        <translation>sebaran horizontal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="96" />
        <source>vertical scatter too large</source>
        <translation>sebaran vertikal terlalu besar</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="102" />
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="103" />
        <source>East</source>
        <translation>Timur</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="104" />
        <source>South</source>
        <translation>Selatan</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="105" />
        <source>West</source>
        <translation>Barat</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="106" />
        <source>Close-up</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="112" />
        <source>District/village officer</source>
        <translation>Aparat kecamatan/desa</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="115" />
        <source>Neighbouring permit holder</source>
        <translation>Pemegang izin tetangga</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="118" />
        <source>Other-sector permit holder</source>
        <translation>Pemegang izin sektor lain</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="121" />
        <source>Land-right holder</source>
        <translation>Pemegang hak atas tanah</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/texts.py" line="122" />
        <source>Forestry officer</source>
        <translation>Petugas kehutanan</translation>
    </message>
</context>
</TS>