/** The demo's invented outlets, on reserved example domains. */
export const demoOutlets = {
  courier: { name: 'Selvane Courier', url: 'https://selvane-courier.example.org/' },
  valley: { name: 'Marrow Valley Radio', url: 'https://marrow-valley-radio.example.net/' },
  compass: { name: 'Compass Wire', url: 'https://compass-wire.example.com/' },
  ambrel: { name: 'Ambrel Post', url: 'https://ambrel-post.example.org/' },
  harbour: { name: 'Port Amsel Harbour Ledger', url: 'https://harbour-ledger.example.net/' },
  meridian: { name: 'Meridian Daily', url: 'https://meridian-daily.example.com/' },
  desk: { name: 'Dayline demo desk', url: 'https://demo-desk.example.org/' },
} as const;

export type DemoOutlet = keyof typeof demoOutlets;

/** The outlets the simulator posts as (not the demo desk, which writes only the sticky post). */
export const simulatorOutlets = Object.values(demoOutlets).filter((o) => o !== demoOutlets.desk);
