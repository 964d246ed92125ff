import RiskMLCore
