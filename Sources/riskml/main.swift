import RiskMLCore
import RiskMLModels

print("riskml")
