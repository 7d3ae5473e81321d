function varargout = regressionLayer(varargin)
%REGRESSIONLAYER  bigru.regressionLayer under MATLAB's unqualified name; see help bigru.regressionLayer.
[varargout{1:max(nargout, 1)}] = bigru.regressionLayer(varargin{:});
end
