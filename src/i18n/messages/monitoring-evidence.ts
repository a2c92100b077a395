// Texts of the monitoring evidence (issue 15): network classes the crawler refuses, the plain
// names of evidence sources, and the reasons and next steps added for real sites. Indonesian is
// the source; English mirrors the keys.
export const messages = {
  id: {
    'monitoring.address.loopback': 'komputer server itu sendiri (loopback)',
    'monitoring.address.private': 'jaringan lokal (alamat privat)',
    'monitoring.address.link_local': 'alamat link-local (misalnya layanan metadata server 169.254.169.254)',
    'monitoring.address.cgnat': 'jaringan internal operator (CGNAT)',
    'monitoring.address.multicast': 'alamat multicast',
    'monitoring.address.unspecified': 'alamat kosong (0.0.0.0)',
    'monitoring.address.reserved': 'alamat cadangan yang tidak dipakai di internet',
    'monitoring.address.own_address': 'server Beranda sendiri',
  },
  en: {
    'monitoring.address.loopback': 'the server itself (loopback)',
    'monitoring.address.private': 'a local network (private address)',
    'monitoring.address.link_local': 'a link-local address (e.g. the server metadata service 169.254.169.254)',
    'monitoring.address.cgnat': "an operator's internal network (CGNAT)",
    'monitoring.address.multicast': 'a multicast address',
    'monitoring.address.unspecified': 'an empty address (0.0.0.0)',
    'monitoring.address.reserved': 'a reserved address not used on the internet',
    'monitoring.address.own_address': "Beranda's own server",
  },
};
