// Data only: the support tables, read by support-table.ts. Adding a device adds one column to each table here.

/**
 * The docs' "Support Details" tables, one row per module page (or per method where a page has a row per method),
 * one column per device (its `column` in devices.ts), ✔ or ✘ as the docs mark it. Modules the docs give no table are
 * `'everywhere'` in their own file and have no row here. Band 9 and Band 9 Pro share the B9 column, except in the
 * sensor page's table, which tells them apart.
 */
export const supportTables: readonly string[] = [
  `
                                          S1P B8P B9 WS3 RW4 H1 B10 WS4 RW5 RW6 WS5
    system.battery                        ✘   ✘   ✘  ✘   ✘   ✘  ✔   ✔   ✔   ✔   ✔
    system.bluetooth.ble                  ✘   ✘   ✘  ✘   ✘   ✘  ✘   ✘   ✘   ✘   ✔
    system.crypto                         ✘   ✘   ✘  ✔   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.event                          ✘   ✘   ✘  ✘   ✘   ✘  ✔   ✔   ✔   ✔   ✔
    system.fetch                          ✔   ✘   ✘  ✔   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.geolocation                    ✘   ✘   ✘  ✔   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.network                        ✔   ✘   ✘  ✔   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.record                         ✘   ✘   ✘  ✘   ✘   ✘  ✘   ✘   ✘   ✘   ✔
    system.request                        ✔   ✘   ✘  ✔   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.uploadtask                     ✘   ✘   ✘  ✔   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.vibrator.vibrate               ✔   ✔   ✔  ✔   ✔   ✔  ✔   ✔   ✔   ✔   ✔
    system.vibrator.start                 ✘   ✘   ✘  ✘   ✘   ✘  ✘   ✘   ✘   ✘   ✔
    system.vibrator.stop                  ✘   ✘   ✘  ✘   ✘   ✘  ✘   ✘   ✘   ✘   ✔
    system.vibrator.getSystemDefaultMode  ✘   ✘   ✘  ✘   ✘   ✘  ✘   ✘   ✘   ✘   ✔
  `,
  `
                                            S1P B8P B9 B9P WS3 RW4 H1 B10 WS4 RW5 RW6 WS5
    system.sensor.subscribePressure         ✘   ✘   ✘  ✔   ✔   ✘   ✘  ✔   ✔   ✘   ✘   ✔
    system.sensor.unsubscribePressure       ✘   ✘   ✘  ✔   ✔   ✘   ✘  ✔   ✔   ✘   ✘   ✔
    system.sensor.subscribeAccelerometer    ✘   ✘   ✔  ✔   ✘   ✘   ✘  ✔   ✘   ✘   ✘   ✔
    system.sensor.unsubscribeAccelerometer  ✘   ✘   ✔  ✔   ✘   ✘   ✘  ✔   ✘   ✘   ✘   ✔
    system.sensor.subscribeCompass          ✘   ✘   ✘  ✘   ✘   ✘   ✘  ✘   ✔   ✔   ✔   ✔
    system.sensor.unsubscribeCompass        ✘   ✘   ✘  ✘   ✘   ✘   ✘  ✘   ✔   ✔   ✔   ✔
  `,
];
