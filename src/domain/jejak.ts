// Who writes and when, as every write service needs it: today in WIB for the dates a user means,
// the instant and the user's name for the audit trail.
export interface Jejak {
  hariIni: string;
  waktu: string;
  oleh: string;
}
