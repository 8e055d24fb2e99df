/** Logo block at the top of the side menu. */
export function AppBrand({ isCompact }: { isCompact: boolean }) {
  return (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        justifyContent: isCompact ? 'center' : 'flex-start',
        gap: 10,
        padding: isCompact ? 0 : '0 20px',
        color: '#fff',
        borderBottom: '1px solid rgba(255,255,255,0.08)',
      }}
    >
      <span
        aria-hidden
        style={{
          width: 28,
          height: 28,
          borderRadius: 6,
          background: '#fff',
          color: '#1d4e89',
          fontWeight: 700,
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          flex: 'none',
        }}
      >
        法
      </span>
      {!isCompact && <span style={{ fontSize: 16, fontWeight: 600, letterSpacing: 2 }}>法治平台</span>}
    </div>
  );
}
