import type { ThemeConfig } from 'antd';

/** Calm navy back-office palette, as county government systems usually look. */
export const BRAND_COLOR = '#1d4e89';
export const SIDER_COLOR = '#0f2c4f';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_COLOR,
    colorLink: BRAND_COLOR,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: SIDER_COLOR, headerBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    Menu: {
      darkItemBg: SIDER_COLOR,
      darkSubMenuItemBg: SIDER_COLOR,
      darkItemSelectedBg: BRAND_COLOR,
    },
  },
};
